"""ElastiCache node and snapshot pricing shared by clusters and replication groups."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from costgate.model import CostComponent, Resource
from costgate.resources.aws._common import aws_query, ut
from costgate.resources.base import Usage, UsageKey, hourly, monthly

SERVICE = "AmazonElastiCache"
ENGINES = {"redis": "Redis", "memcached": "Memcached", "valkey": "Valkey"}
RESERVED_TERM = {"1_year": "1yr", "3_year": "3yr"}
RESERVED_PAYMENT = {"no_upfront": "No Upfront", "partial_upfront": "Partial Upfront", "all_upfront": "All Upfront"}

USAGE = (
    UsageKey("snapshot_storage_size_gb", "float", "Size of one snapshot (GB); one snapshot a cluster is free"),
    UsageKey("reserved_instance_term", "str", "Reserved node term: 1_year or 3_year"),
    UsageKey("reserved_instance_payment_option", "str", "Reserved payment: no_upfront, partial_upfront or all_upfront"),
)


def nodes(r: Resource, usage: Usage, node_type: str, engine: str, count: int | Decimal) -> Iterator[CostComponent]:
    """Node-hours (reserved hourly fee when the usage gives a term) and snapshot storage."""
    term = RESERVED_TERM.get(usage.text("reserved_instance_term") or "")
    payment = RESERVED_PAYMENT.get(usage.text("reserved_instance_payment_option") or "")
    reserved = {"leaseContractLength": term, "purchaseOption": payment} if term and payment else None
    # usagetype tells a region's nodes (<prefix>-NodeUsage:<type>) from the same type on an Outpost
    # (<prefix>-Outpost-NodeUsage:<type>), which the Price List sells under the same type and engine
    attrs = {
        "instanceType": node_type,
        "cacheEngine": ENGINES.get(engine, engine),
        "usagetype": ut(r, f"NodeUsage:{node_type}"),
    }
    query = aws_query(
        r,
        SERVICE,
        "Cache Instance",
        attrs,
        unit="Hrs",
        purchase_option="reserved" if reserved else "on_demand",
        term=reserved,
    )
    yield hourly(f"ElastiCache ({'reserved' if reserved else 'on-demand'}, {node_type})", query, count=count)
    limit = int(r.get("snapshot_retention_limit") or 0)
    if engine != "memcached" and limit > 1:
        size = usage.number("snapshot_storage_size_gb")
        yield monthly(
            "Backup storage",
            "GB",
            None if size is None else size * (limit - 1),
            aws_query(r, SERVICE, "Storage Snapshot", {"usagetype": ut(r, "ElastiCache:BackupUsage")}, unit="GB-Mo"),
            usage_based=True,
        )
