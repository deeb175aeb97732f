"""azurerm_image: a custom VM image.

Prices:
    Storage: per GB-month at the Standard HDD snapshot rate ("LRS Snapshots"), for the sizes of
    the image's OS and data disks (`size_gb`, else the size of the managed disk each names),
    else the disks of the VM it captures (`source_virtual_machine_id`).
Usage keys:
    storage_gb: GB the image stores (overrides the disk sizes).
Not priced / assumptions:
    Azure stores a managed image as snapshots of its disks, billed on the data they hold: the
    disk sizes are an upper bound. A size that is unknown depends on usage.
References:
    https://azure.microsoft.com/pricing/details/managed-disks/
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from decimal import Decimal
from typing import Any

from costgate.model import CostComponent, Resource
from costgate.resources.azure._common import azure_query
from costgate.resources.azure._disk import SNAPSHOT_METER
from costgate.resources.base import Pricer, PricingContext, UsageKey, dec, monthly

USAGE = (UsageKey("storage_gb", "float", "GB the image stores (default: the sizes of its disks)"),)


def _disk_size(r: Resource, ctx: PricingContext, block: Mapping[str, Any], attribute: str) -> Decimal:
    size = dec(block.get("size_gb"))
    if size is None and (disk := ctx.resolve(r, attribute)) is not None:
        size = dec(disk.get("disk_size_gb"))
    return size or Decimal(0)


def _vm_size(vm: Resource) -> Decimal:
    disks = [vm.block("os_disk") or vm.block("storage_os_disk"), *vm.blocks("storage_data_disk")]
    return sum((dec(d.get("disk_size_gb")) or Decimal(0) for d in disks), Decimal(0))


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    size = ctx.usage.number("storage_gb")
    if size is None:
        size = _disk_size(r, ctx, r.block("os_disk"), "os_disk.managed_disk_id")
        size += sum((_disk_size(r, ctx, d, "data_disk.managed_disk_id") for d in r.blocks("data_disk")), Decimal(0))
        if not size and (vm := ctx.resolve(r, "source_virtual_machine_id")) is not None:
            size = _vm_size(vm)
    yield monthly(
        "Storage", "GB", size or None, azure_query(r, "Storage", SNAPSHOT_METER, family="Storage", unit="1 GB/Month")
    )


PRICER = Pricer(type="azurerm_image", price=_price, usage_keys=USAGE, doc=__doc__ or "")
