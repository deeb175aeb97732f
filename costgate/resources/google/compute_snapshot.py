"""google_compute_snapshot: a standard persistent disk snapshot.

Prices:
    Storage: per GB-month of snapshot storage.
Usage keys:
    storage_gb: GB the snapshot holds (overrides the source disk's size).
Not priced / assumptions:
    Without storage_gb a snapshot holds its source disk's size (the first snapshot of a disk
    is a full copy; later ones are incremental and smaller: give storage_gb). Archive
    snapshots (snapshot_type = "ARCHIVE") and multi-regional storage locations are priced at the
    standard regional rate of the source disk's region.
References:
    https://cloud.google.com/compute/disks-image-pricing#persistentdisk
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.base import Pricer, PricingContext, UsageKey, monthly
from costgate.resources.google._common import compute_query
from costgate.resources.google._disk import source_size

USAGE = (UsageKey("storage_gb", "float", "GB the snapshot holds"),)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    given = ctx.usage.number("storage_gb")
    src = ctx.resolve(r, "source_disk")
    size = given if given is not None else source_size(src, ctx) if src is not None else None
    q = compute_query(r, "Storage", {"diskType": "pd-snapshot"}, "GiBy.mo")
    yield monthly("Storage", "GB", size, q, usage_based=given is not None)


PRICER = Pricer(type="google_compute_snapshot", price=_price, usage_keys=USAGE, doc=__doc__ or "")
