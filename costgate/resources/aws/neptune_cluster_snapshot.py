"""aws_neptune_cluster_snapshot: a manual snapshot of an Amazon Neptune cluster.

Prices:
    Backup storage: per GB-month (usage: backup_storage_gb).
Usage keys:
    backup_storage_gb: snapshot storage billed, GB.
Not priced / assumptions:
    Manual snapshots are billed as backup storage; how much they store depends on the data,
    so the size is usage.
References:
    https://aws.amazon.com/neptune/pricing/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.aws._neptune import backup_query
from costgate.resources.base import Pricer, PricingContext, UsageKey, usage_component

USAGE = (UsageKey("backup_storage_gb", "float", "Snapshot storage billed, GB"),)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    yield usage_component("Backup storage", "GB", ctx.usage, "backup_storage_gb", backup_query(r))


PRICER = Pricer(type="aws_neptune_cluster_snapshot", price=_price, usage_keys=USAGE, doc=__doc__ or "")
