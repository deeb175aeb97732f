"""What aws_dynamodb_table and aws_dynamodb_table_replica bill alike, defined once: provisioned
capacity (as an autoscaling target sets it), on-demand read requests, stored data and
point-in-time-recovery backups. Each pricer passes its own query builder `q(family, usagetype
suffix, unit, group)`: a replica asks in its own region and table class."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from decimal import Decimal

from costgate.model import CostComponent, PriceQuery, Resource
from costgate.resources.base import PricingContext, Usage, number, usage_component

S = "AmazonDynamoDB"
PPR = "Amazon DynamoDB PayPerRequest Throughput"

Query = Callable[..., PriceQuery]
"""q(family, usagetype suffix, unit, group=None): a pricer's DynamoDB query in its region and class."""


def capacity(r: Resource, ctx: PricingContext, dimension: str, attribute: str) -> tuple[Decimal | None, bool]:
    """Provisioned units and whether autoscaling sets them (then: the target's min_capacity).

    The target is an aws_appautoscaling_target of this dimension whose resource_id references the
    table, or (written as a literal) is `table/<name>`; a referencing target wins over a literal
    one. Both are read from indexes built once per estimate, not a scan of the plan per table.
    """
    wanted = f"dynamodb:table:{dimension}"
    candidates = [
        *ctx.referencing(r, "aws_appautoscaling_target", "resource_id"),
        *ctx.with_value("aws_appautoscaling_target", "resource_id", f"table/{r.get('name')}"),
    ]
    for t in candidates:
        if t.get("scalable_dimension") == wanted:
            given = ctx.usage_of(t).number("capacity")  # the target's usage: capacity it runs at
            return (given if given is not None else number(t, "min_capacity")), True
    return number(r, attribute), False


def read_requests(u: Usage, q: Query) -> CostComponent:
    """On-demand read request units, from usage."""
    query = q(PPR, "ReadRequestUnits", "ReadRequestUnits", "DDB-ReadUnits")
    return usage_component("Read request units (RRU)", "1M RRUs", u, "monthly_read_request_units", query, per=1_000_000)


def storage(u: Usage, q: Query, *, pitr: bool) -> Iterator[CostComponent]:
    """Stored data, and point-in-time-recovery backups when they are on, from usage."""
    yield usage_component("Data storage", "GB", u, "storage_gb", q("Database Storage", "TimedStorage-ByteHrs", "GB-Mo"))
    if pitr:
        query = q("Database Storage", "TimedPITRStorage-ByteHrs", "GB-Mo")
        yield usage_component("Point-in-time recovery (PITR) backup storage", "GB", u, "pitr_backup_storage_gb", query)
