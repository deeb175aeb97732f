"""aws_memorydb_cluster: a MemoryDB cluster (Redis OSS or Valkey).

Prices:
    Nodes: num_shards x (1 + num_replicas_per_shard) nodes of node_type, per node-hour, by
    engine (usage type NodeUsage:<type>).
    Data written: per GB written to the cluster (usage: monthly_data_written_gb).
    Snapshot storage: per GB-month beyond the free allowance (usage: snapshot_storage_size_gb),
    when snapshot_retention_limit > 0.
Usage keys:
    monthly_data_written_gb: GB written to the cluster a month.
    snapshot_storage_size_gb: GB-months of snapshot storage billed a month (beyond the free
    allowance of one full cluster's memory).
Not priced / assumptions:
    Defaults as the provider applies them: 1 shard, 1 replica per shard, engine redis. Valkey
    data written is free up to 10 TB a month; costgate shows the component and leaves the free
    allowance to the catalog's tiers. Reserved nodes and autoscaling policies
    (aws_appautoscaling_target) are not applied. No shipped price source has MemoryDB prices:
    the components show as not priced until a catalog refresh.
References:
    https://aws.amazon.com/memorydb/pricing/
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from costgate.model import HOURS_PER_MONTH, CostComponent, Resource
from costgate.resources.aws._common import aws_query
from costgate.resources.aws._usagetype import regional_ut
from costgate.resources.base import Pricer, PricingContext, UsageKey, monthly, number, usage_component

USAGE = (
    UsageKey("monthly_data_written_gb", "float", "GB written to the cluster a month"),
    UsageKey("snapshot_storage_size_gb", "float", "GB-months of snapshot storage billed a month"),
)
ENGINES = {"redis": "Redis", "valkey": "Valkey"}


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    node_type = str(r.get("node_type", ""))
    engine = ENGINES.get(str(r.get("engine", "redis")).lower(), str(r.get("engine")))
    shards = number(r, "num_shards", Decimal(1)) or Decimal(1)
    replicas = number(r, "num_replicas_per_shard", Decimal(1))
    nodes = shards * (1 + (replicas or Decimal(0)))
    q = aws_query(
        r,
        "AmazonMemoryDB",
        "Amazon MemoryDB",
        {"engine": engine, "usagetype": regional_ut(r, f"NodeUsage:{node_type}")},
        unit="Hrs",
    )
    yield monthly(f"MemoryDB nodes ({engine}, {node_type})", "hours", HOURS_PER_MONTH * nodes, q)
    written = aws_query(
        r,
        "AmazonMemoryDB",
        "Amazon MemoryDB",
        {"engine": engine, "usagetype": regional_ut(r, "MemoryDB:DataWritten")},
        unit="GB",
    )
    yield usage_component("Data written", "GB", ctx.usage, "monthly_data_written_gb", written)
    if (number(r, "snapshot_retention_limit", Decimal(0)) or 0) > 0:
        snap = aws_query(
            r, "AmazonMemoryDB", "Storage Snapshot", {"usagetype": regional_ut(r, "MemoryDB:BackupUsage")}, unit="GB-Mo"
        )
        yield usage_component("Snapshot storage", "GB", ctx.usage, "snapshot_storage_size_gb", snap)


PRICER = Pricer(type="aws_memorydb_cluster", price=_price, usage_keys=USAGE, doc=__doc__ or "")
