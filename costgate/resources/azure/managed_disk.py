"""azurerm_managed_disk: a managed disk (Standard HDD/SSD, Premium SSD, Premium SSD v2, Ultra).

Prices:
    Storage: Standard HDD (S*), Standard SSD (E*) and Premium SSD (P*) per disk-month of the
    smallest size tier holding `disk_size_gb` (or the higher performance `tier` of a Premium
    disk); Ultra and Premium SSD v2 per provisioned GiB-hour (an Ultra disk bills its size
    rounded up to an Ultra size: 4 ... 512 GiB in powers of two, then whole TiB).
    Disk operations: Standard HDD/SSD, per 10,000 (usage: monthly_disk_operations), billed at the
    "S4 LRS Disk Operations" / "E4 LRS Disk Operations" meter whatever the disk's tier.
    Provisioned IOPS and throughput: Ultra disks (`disk_iops_read_write`, `disk_mbps_read_write`,
    Azure's defaults 2,048 IOPS and 8 MB/s when unset) and Premium SSD v2 above the 3,000 IOPS
    and 125 MB/s it includes.
Usage keys:
    monthly_disk_operations: disk operations a month (Standard HDD/SSD).
Not priced / assumptions:
    A disk without `disk_size_gb` takes the size of the managed disk or snapshot it copies
    (`source_resource_id`) when that is in the plan, else 30 GiB (the size of Linux images).
    Premium SSD on-demand bursting fees and shared-disk mounts are not priced. Premium SSD v2
    IOPS and MB/s are priced above the included amounts, subtracted here (a meter that lists a
    free first tier as well still never prices the whole amount at $0).
References:
    https://azure.microsoft.com/pricing/details/managed-disks/
    https://learn.microsoft.com/azure/virtual-machines/disks-understanding-billing
    https://learn.microsoft.com/azure/virtual-machines/disks-types#ultra-disks (Ultra sizes)
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.azure._disk import disk_components, disk_of
from costgate.resources.base import Pricer, PricingContext, UsageKey

USAGE = (UsageKey("monthly_disk_operations", "int", "Disk operations a month (Standard HDD/SSD disks)"),)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    size = r.get("disk_size_gb")
    if size is None and (source := ctx.resolve(r, "source_resource_id")) is not None:
        size = source.get("disk_size_gb")  # a copy of a managed disk or snapshot in the plan has its size
    disk = disk_of(
        r.get("storage_account_type"),
        size,
        iops=r.get("disk_iops_read_write"),
        mbps=r.get("disk_mbps_read_write"),
        tier=r.get("tier"),
    )
    if disk is not None:
        yield from disk_components(r, disk, ctx.usage.number("monthly_disk_operations"))


PRICER = Pricer(type="azurerm_managed_disk", price=_price, usage_keys=USAGE, doc=__doc__ or "")
