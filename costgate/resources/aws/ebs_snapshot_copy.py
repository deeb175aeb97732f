"""aws_ebs_snapshot_copy: a copy of an EBS snapshot (often into another region).

Prices:
    EBS snapshot storage: per GB-month, at most the size of the volume the source snapshot
    was taken from.
Usage keys:
    (none)
Not priced / assumptions:
    The size comes from the source snapshot in the plan (its volume, else its volume_size);
    a copy stores a full copy of the data at first, so the size is an upper bound and counted
    as usage-based. Cross-region data transfer for the copy is billed separately.
References:
    https://aws.amazon.com/ebs/pricing/
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from costgate.model import CostComponent, Resource
from costgate.resources.aws._common import aws_query, ut
from costgate.resources.base import Pricer, PricingContext, monthly, number


def _size(r: Resource, ctx: PricingContext) -> Decimal | None:
    source = ctx.resolve(r, "source_snapshot_id")
    if source is None:
        return number(r, "volume_size")
    volume = ctx.resolve(source, "volume_id")
    return number(volume, "size") if volume is not None else number(source, "volume_size")


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    query = aws_query(r, "AmazonEC2", "Storage Snapshot", {"usagetype": ut(r, "EBS:SnapshotUsage")}, unit="GB-Mo")
    yield monthly("EBS snapshot storage", "GB", _size(r, ctx), query, usage_based=True)


PRICER = Pricer(type="aws_ebs_snapshot_copy", price=_price, usage_keys=(), doc=__doc__ or "")
