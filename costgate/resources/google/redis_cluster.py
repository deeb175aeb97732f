"""google_redis_cluster: a Memorystore for Redis Cluster.

Prices:
    Cluster nodes: per node-hour by node type; nodes = shard_count x (1 + replica_count).
    Backups: per GB-month of backup storage (usage).
Usage keys:
    backup_storage_gb: GB of backups kept.
Not priced / assumptions:
    node_type defaults to REDIS_HIGHMEM_MEDIUM (the API default). AOF persistence storage is
    billed by the size of the append-only files, which the configuration does not tell, so it
    depends on usage (aof_storage_gb, GB-months).
References:
    https://cloud.google.com/memorystore/docs/cluster/pricing
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from costgate.model import HOURS_PER_MONTH, CostComponent, Resource
from costgate.resources.base import Pricer, PricingContext, UsageKey, dec, monthly
from costgate.resources.google._common import gcp_query
from costgate.resources.google._compute import first

USAGE = (
    UsageKey("backup_storage_gb", "float", "GB of backups kept"),
    UsageKey("aof_storage_gb", "float", "GB of AOF persistence files on average"),
)
SERVICE = "Cloud Memorystore for Redis"


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    node = str(r.get("node_type") or "REDIS_HIGHMEM_MEDIUM").upper().removeprefix("REDIS_").replace("_", " ").lower()
    shards = dec(r.get("shard_count"), Decimal(1)) or Decimal(1)
    nodes = shards * (1 + (dec(r.get("replica_count"), Decimal(0)) or Decimal(0)))
    q = gcp_query(
        r, SERVICE, {"nodeType": node, "resourceGroup": "RedisClusterNode"}, family="ApplicationServices", unit="h"
    )
    yield monthly(f"Cluster node ({node})", "hours", nodes * HOURS_PER_MONTH, q)
    if str(first(r.values, "persistence_config").get("mode") or "").upper() == "AOF":
        q = gcp_query(r, SERVICE, {"resourceGroup": "RedisClusterAOF"}, family="ApplicationServices", unit="GiBy.h")
        gb = ctx.usage.number("aof_storage_gb")
        yield monthly("AOF persistence", "GB", gb, q, usage_based=True, unit_multiplier=HOURS_PER_MONTH)
    q = gcp_query(r, SERVICE, {"resourceGroup": "RedisBackup"}, family="ApplicationServices", unit="GiBy.h")
    yield monthly(
        "Backups", "GB", ctx.usage.number("backup_storage_gb"), q, usage_based=True, unit_multiplier=HOURS_PER_MONTH
    )


PRICER = Pricer(type="google_redis_cluster", price=_price, usage_keys=USAGE, doc=__doc__ or "")
