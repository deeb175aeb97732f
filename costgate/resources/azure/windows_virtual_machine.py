"""azurerm_windows_virtual_machine: a Windows VM with its OS disk.

Prices:
    Instance usage: per hour by size (armSkuName) with the Windows license, pay as you go or spot
    (`priority = "Spot"`). With Azure Hybrid Benefit (`license_type` Windows_Server or
    Windows_Client) the own license replaces Azure's: the base (Linux) compute rate is priced.
    Ultra disk reservation: per vCPU-hour when ultra disks are enabled but none is attached (usage).
    OS disk: storage by disk tier or provisioned size; disk operations of Standard disks (usage).
Usage keys:
    monthly_hrs: hours the VM runs a month (default 730).
    os_disk.monthly_disk_operations: disk operations a month on a Standard HDD/SSD OS disk.
    reserved_instance_term: 1_year or 3_year prices the VM as a reservation: a month of the term's
    price (Retail Prices type Reservation), whatever the hours it runs. Reservations cover compute
    only: a Windows VM without hybrid benefit stays pay as you go.
Not priced / assumptions:
    An OS disk without `disk_size_gb` is 127 GiB, the disk of Windows Server marketplace images
    (30 GiB for their "smalldisk" SKUs); the reference estimator assumes 30 GiB, one tier smaller. Data disks are
    azurerm_managed_disk resources, priced there. Dev/test subscription rates are not used.
References:
    https://azure.microsoft.com/pricing/details/virtual-machines/windows/
    https://azure.microsoft.com/pricing/hybrid-benefit/
    https://azure.microsoft.com/pricing/details/managed-disks/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import HOURS_PER_MONTH, CostComponent, Resource
from costgate.resources.azure._vm import VM_USAGE, os_disk_components, ultra_enabled, ultra_reservation, vm_hours
from costgate.resources.base import Pricer, PricingContext


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    size = r.get("size")
    if size:
        hours = ctx.usage.number("monthly_hrs")
        yield vm_hours(
            r,
            size,
            windows=True,
            license_type=r.get("license_type"),
            priority=r.get("priority"),
            hours=HOURS_PER_MONTH if hours is None else hours,
            reserved=ctx.usage.text("reserved_instance_term"),
        )
    if ultra_enabled(r):
        yield ultra_reservation(r)
    yield from os_disk_components(
        r, r.block("os_disk"), ctx.usage, windows=True, path="os_disk", image=r.block("source_image_reference")
    )


PRICER = Pricer(type="azurerm_windows_virtual_machine", price=_price, usage_keys=VM_USAGE, doc=__doc__ or "")
