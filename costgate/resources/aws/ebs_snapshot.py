"""aws_ebs_snapshot: an EBS snapshot.

Prices:
    EBS snapshot storage: per GB-month, at most the size of the volume it snapshots.
    Fast snapshot restore: per DSU-hour (usage).
    EBS direct API requests: List, Get and Put block requests (usage).
Usage keys:
    fast_snapshot_restore_hours: hours of fast snapshot restore a month (per AZ).
    monthly_list_block_requests: ListChangedBlocks and ListSnapshotBlocks requests a month.
    monthly_get_block_requests: GetSnapshotBlock requests (SnapshotAPIUnits) a month.
    monthly_put_block_requests: PutSnapshotBlock requests (SnapshotAPIUnits) a month.
Not priced / assumptions:
    Snapshots are incremental: the first one stores up to the volume's size (taken from the
    volume it references, else volume_size); later ones store only the changed blocks, so the
    storage is an upper bound and counted as usage-based. Archive tier is not priced.
References:
    https://aws.amazon.com/ebs/pricing/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.aws._common import aws_query, ut
from costgate.resources.base import Pricer, PricingContext, UsageKey, monthly, number, usage_component

USAGE = (
    UsageKey("fast_snapshot_restore_hours", "float", "Hours of fast snapshot restore a month"),
    UsageKey("monthly_list_block_requests", "float", "ListChangedBlocks and ListSnapshotBlocks requests a month"),
    UsageKey("monthly_get_block_requests", "float", "GetSnapshotBlock requests a month"),
    UsageKey("monthly_put_block_requests", "float", "PutSnapshotBlock requests a month"),
)
API = (
    (
        "ListChangedBlocks & ListSnapshotBlocks API requests",
        "1k requests",
        "monthly_list_block_requests",
        "List",
        "Requests",
    ),
    ("GetSnapshotBlock API requests", "1k SnapshotAPIUnits", "monthly_get_block_requests", "Get", "SnapshotAPIUnits"),
    ("PutSnapshotBlock API requests", "1k SnapshotAPIUnits", "monthly_put_block_requests", "Put", "SnapshotAPIUnits"),
)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    volume = ctx.resolve(r, "volume_id")
    size = number(volume, "size") if volume is not None else number(r, "volume_size")
    yield monthly(
        "EBS snapshot storage",
        "GB",
        size,
        aws_query(r, "AmazonEC2", "Storage Snapshot", {"usagetype": ut(r, "EBS:SnapshotUsage")}, unit="GB-Mo"),
        usage_based=True,
    )
    yield usage_component(
        "Fast snapshot restore",
        "DSU-hours",
        ctx.usage,
        "fast_snapshot_restore_hours",
        aws_query(
            r, "AmazonEC2", "Fast Snapshot Restore", {"usagetype": ut(r, "EBS:FastSnapshotRestore")}, unit="hours"
        ),
    )
    for name, unit, key, kind, catalog_unit in API:
        attrs = {"group": f"EBS direct APIs:{kind} Requests", "usagetype": ut(r, f"EBS:directAPI.snapshot.{kind}")}
        yield usage_component(
            name,
            unit,
            ctx.usage,
            key,
            aws_query(r, "AmazonEC2", "EBS direct API Requests", attrs, unit=catalog_unit),
            per=1000,
        )


PRICER = Pricer(type="aws_ebs_snapshot", price=_price, usage_keys=USAGE, doc=__doc__ or "")
