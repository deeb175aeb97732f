"""azurerm_orchestrated_virtual_machine_scale_set: a flexible-orchestration scale set.

Prices:
    Instance usage: per hour by `sku_name` times `instances`, Linux or Windows (Windows when
    `os_profile` has a `windows_configuration`), pay as you go or spot (`priority = "Spot"`);
    Azure Hybrid Benefit (`license_type` Windows_Server / Windows_Client) prices the base rate.
    OS and data disks of every instance: storage by tier; operations of Standard disks (usage).
Usage keys:
    instances: instances running (default: `instances`).
    monthly_hrs: hours each instance runs a month (default 730).
    os_disk.monthly_disk_operations: disk operations a month on each instance's OS disk.
    data_disk.monthly_disk_operations: disk operations a month on each data disk.
    reserved_instance_term: 1_year or 3_year prices each instance as a reservation (Linux or
    hybrid-benefit rates): a month of the term's price per instance.
Not priced / assumptions:
    A set without `sku_name` (VMs attached separately) prices nothing itself: its VMs are
    azurerm_linux/windows_virtual_machine resources. A set without `instances` depends on usage.
References:
    https://azure.microsoft.com/pricing/details/virtual-machine-scale-sets/
    https://azure.microsoft.com/pricing/details/managed-disks/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.azure._vm import SCALE_SET_USAGE, instance_count, scale_set_components
from costgate.resources.base import Pricer, PricingContext, UsageKey, no_charge

USAGE = (
    *SCALE_SET_USAGE,
    UsageKey("data_disk.monthly_disk_operations", "int", "Disk operations a month on each data disk"),
)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    if not r.get("sku_name"):
        yield no_charge(
            r,
            "Scale set",
            "flexible orchestration without sku_name: its VMs are separate virtual machine resources, billed there",
        )
        return
    windows = bool(r.block("os_profile").get("windows_configuration"))
    disks = [(r.block("os_disk"), "os_disk", "storage_account_type", "disk_size_gb", "os_disk")]
    disks += [
        (d, f"data_disk[{i}]", "storage_account_type", "disk_size_gb", "data_disk")
        for i, d in enumerate(r.blocks("data_disk"))
    ]
    yield from scale_set_components(
        r,
        ctx.usage,
        size=r.get("sku_name"),
        windows=windows,
        disks=disks,
        count=instance_count(ctx.usage, r.get("instances")),
        license_type=r.get("license_type"),
        priority=r.get("priority"),
    )


PRICER = Pricer(
    type="azurerm_orchestrated_virtual_machine_scale_set", price=_price, usage_keys=USAGE, doc=__doc__ or ""
)
