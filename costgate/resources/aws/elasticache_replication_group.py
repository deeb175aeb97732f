"""aws_elasticache_replication_group: a Redis OSS or Valkey replication group.

Prices:
    ElastiCache nodes: per node-hour by node type and engine; reserved (hourly fee) when the
    usage gives a term and payment option. Nodes: num_node_groups x (replicas_per_node_group + 1)
    in cluster mode, else num_cache_clusters (number_cache_clusters in older providers).
    Backup storage: snapshots beyond the free one, per GB-month (snapshot_retention_limit > 1).
Usage keys:
    snapshot_storage_size_gb, reserved_instance_term, reserved_instance_payment_option.
Not priced / assumptions:
    engine unknown: redis (the provider's default). No node count in the plan: one node, the
    primary. Global datastore cross-region transfer is not priced. Reserved nodes: the hourly
    fee only, upfront fees are not amortised.
References:
    https://aws.amazon.com/elasticache/pricing/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.aws._elasticache import USAGE, nodes
from costgate.resources.base import Pricer, PricingContext


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    groups = int(r.get("num_node_groups") or 0)
    count = (
        groups * (int(r.get("replicas_per_node_group") or 0) + 1)
        if groups
        else int(r.get("num_cache_clusters") or r.get("number_cache_clusters") or 1)
    )
    engine = str(r.get("engine") or "redis").lower()
    yield from nodes(r, ctx.usage, str(r.get("node_type") or "unknown"), engine, count)


PRICER = Pricer(type="aws_elasticache_replication_group", price=_price, usage_keys=USAGE, doc=__doc__ or "")
