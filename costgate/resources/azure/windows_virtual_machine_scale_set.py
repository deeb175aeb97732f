"""azurerm_windows_virtual_machine_scale_set: a uniform scale set of Windows VMs.

Prices:
    Instance usage: per hour by `sku` times instances, with the Windows license,
    pay as you go or spot (`priority = "Spot"`); Azure Hybrid Benefit (`license_type`
    Windows_Server / Windows_Client) prices the base (Linux) compute rate.
    OS disk of every instance: storage by tier or provisioned size; operations of Standard
    disks (usage, per instance).
Usage keys:
    instances: instances running (default: `instances`); autoscaling makes this a usage question.
    monthly_hrs: hours each instance runs a month (default 730).
    os_disk.monthly_disk_operations: disk operations a month on each instance's OS disk.
    data_disk.monthly_disk_operations: disk operations a month on each data disk.
    reserved_instance_term: 1_year or 3_year prices each instance as a reservation (Linux or
    hybrid-benefit rates): a month of the term's price per instance.
Not priced / assumptions:
    Data disks declared in `data_disk` blocks are priced per instance like the OS disk. An OS
    disk without `disk_size_gb` is 127 GiB (Windows Server images; 30 GiB for "smalldisk" image SKUs). Autoscale settings
    (azurerm_monitor_autoscale_setting) are not read: give `instances` in the usage file for an autoscaled set.
References:
    https://azure.microsoft.com/pricing/details/virtual-machine-scale-sets/windows/
    https://azure.microsoft.com/pricing/details/managed-disks/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.azure._vm import SCALE_SET_USAGE, instance_count, scale_set_components
from costgate.resources.base import Pricer, PricingContext, UsageKey

USAGE = (
    *SCALE_SET_USAGE,
    UsageKey("data_disk.monthly_disk_operations", "int", "Disk operations a month on each data disk"),
)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    disks = [(r.block("os_disk"), "os_disk", "storage_account_type", "disk_size_gb", "os_disk")]
    disks += [
        (d, f"data_disk[{i}]", "storage_account_type", "disk_size_gb", "data_disk")
        for i, d in enumerate(r.blocks("data_disk"))
    ]
    yield from scale_set_components(
        r,
        ctx.usage,
        size=r.get("sku"),
        windows=True,
        disks=disks,
        license_type=r.get("license_type"),
        count=instance_count(ctx.usage, r.get("instances")),
        priority=r.get("priority"),
        image=r.block("source_image_reference"),
    )


PRICER = Pricer(type="azurerm_windows_virtual_machine_scale_set", price=_price, usage_keys=USAGE, doc=__doc__ or "")
