"""azurerm_snapshot: a managed disk snapshot.

Prices:
    Storage: per GB-month at the Standard HDD snapshot rate ("LRS Snapshots"), for the size of
    the snapshot: `disk_size_gb`, else the size of the managed disk it copies (`source_uri`).
Usage keys:
    storage_gb: GB the snapshot stores (overrides the disk size; an incremental snapshot
    stores only the blocks changed since the previous one).
Not priced / assumptions:
    Azure bills a snapshot on the data it holds, which the plan cannot know: the disk size is
    an upper bound for a full snapshot. ZRS snapshots and snapshots kept on Premium storage
    bill other meters and are priced at the LRS standard rate here. A size that is unknown
    depends on usage.
References:
    https://azure.microsoft.com/pricing/details/managed-disks/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.azure._common import azure_query
from costgate.resources.azure._disk import SNAPSHOT_METER
from costgate.resources.base import Pricer, PricingContext, UsageKey, dec, monthly

USAGE = (UsageKey("storage_gb", "float", "GB the snapshot stores (default: the disk size)"),)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    size = ctx.usage.number("storage_gb") or dec(r.get("disk_size_gb"))
    if size is None and (source := ctx.resolve(r, "source_uri")) is not None:
        size = dec(source.get("disk_size_gb"))
    yield monthly("Storage", "GB", size, azure_query(r, "Storage", SNAPSHOT_METER, family="Storage", unit="1 GB/Month"))


PRICER = Pricer(type="azurerm_snapshot", price=_price, usage_keys=USAGE, doc=__doc__ or "")
