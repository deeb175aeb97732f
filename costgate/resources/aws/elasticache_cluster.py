"""aws_elasticache_cluster: an ElastiCache cluster of Redis OSS, Valkey or Memcached nodes.

Prices:
    ElastiCache nodes: per node-hour by node type and engine (num_cache_nodes nodes); reserved
    (hourly fee) when the usage gives a term and payment option.
    Backup storage: snapshots beyond the free one, per GB-month (snapshot_retention_limit > 1,
    not Memcached): snapshot_storage_size_gb x (retention - 1).
Usage keys:
    snapshot_storage_size_gb, reserved_instance_term, reserved_instance_payment_option.
Not priced / assumptions:
    A cluster that joins a replication group (replication_group_id) is priced by
    aws_elasticache_replication_group, so it yields a no-charge line saying so.
    num_cache_nodes unknown: 1, the provider's only value for Redis. Reserved nodes: the hourly
    fee only, upfront fees are not amortised.
References:
    https://aws.amazon.com/elasticache/pricing/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.aws._elasticache import USAGE, nodes
from costgate.resources.base import Pricer, PricingContext, no_charge


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    if r.get("replication_group_id") or r.refs.get("replication_group_id"):
        yield no_charge(
            r,
            "Cluster",
            "a member of a replication group: its nodes are billed on the aws_elasticache_replication_group",
        )
        return
    engine = str(r.get("engine") or "redis").lower()
    yield from nodes(r, ctx.usage, str(r.get("node_type") or "unknown"), engine, int(r.get("num_cache_nodes") or 1))


PRICER = Pricer(type="aws_elasticache_cluster", price=_price, usage_keys=USAGE, doc=__doc__ or "")
