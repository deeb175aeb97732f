"""aws_dynamodb_table_replica: a replica (in its own region) of a DynamoDB global table.

Prices:
    In the replica's region, like the replica blocks of aws_dynamodb_table: replicated write
    capacity units (rWCU, the table's write capacity, per unit-month of 730 unit-hours) for a
    PROVISIONED table, replicated write request units (usage) for a PAY_PER_REQUEST one; read
    capacity units (the table's read capacity) or read request units (usage) served by the
    replica; its data storage (usage) and PITR backup storage (usage, when point_in_time_recovery).
Usage keys:
    monthly_write_request_units: writes replicated to this replica a month (on-demand tables).
    monthly_read_request_units: reads served by this replica a month (on-demand tables).
    storage_gb: data stored in the replica (GB).
    pitr_backup_storage_gb: point-in-time recovery backup storage of the replica (GB).
Not priced / assumptions:
    The table is the aws_dynamodb_table that global_table_arn references; without it in the plan
    the billing mode is taken as PROVISIONED with unknown capacity (depends on usage). Autoscaled
    capacity follows the table's aws_appautoscaling_target as aws_dynamodb_table reads it.
    table_class_override (else the table's table_class) STANDARD_INFREQUENT_ACCESS looks up the
    IA products. Cross-region replication data transfer is not priced.
References:
    https://aws.amazon.com/dynamodb/pricing/
    https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/V2globaltables_HowItWorks.html
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import HOURS_PER_MONTH, CostComponent, PriceQuery, Resource
from costgate.pricing.aws_regions import usage_type
from costgate.resources.aws._common import aws_query, region_of
from costgate.resources.aws._dynamodb import PPR, S, capacity, read_requests, storage
from costgate.resources.base import Pricer, PricingContext, UsageKey, monthly, usage_component

USAGE = tuple(
    UsageKey(k, "float", d)
    for k, d in (
        ("monthly_write_request_units", "Writes replicated to this replica a month (on-demand tables)"),
        ("monthly_read_request_units", "Read request units served by this replica a month (on-demand tables)"),
        ("storage_gb", "Data stored in the replica (GB)"),
        ("pitr_backup_storage_gb", "Point-in-time recovery backup storage of the replica (GB)"),
    )
)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    table = ctx.resolve(r, "global_table_arn")
    table_class = r.get("table_class_override") or (table.get("table_class") if table else None)
    ia = "IA-" if table_class == "STANDARD_INFREQUENT_ACCESS" else ""

    def q(family: str, suffix: str, unit: str, group: str | None = None) -> PriceQuery:
        attrs = {"usagetype": usage_type(region_of(r), ia + suffix), **({"group": group} if group else {})}
        return aws_query(r, S, family, attrs, unit=unit)

    u = ctx.usage
    mode = str((table.get("billing_mode") if table else None) or "PROVISIONED")
    if mode == "PROVISIONED":
        wcu, w_scaled = capacity(table, ctx, "WriteCapacityUnits", "write_capacity") if table else (None, False)
        rcu, r_scaled = capacity(table, ctx, "ReadCapacityUnits", "read_capacity") if table else (None, False)
        unit = "ReplWriteCapacityUnit-Hrs"
        yield monthly(
            "Replicated write capacity units (rWCU)",
            "rWCU",
            wcu,
            q("DDB-Operation-ReplicatedWrite", unit, unit, "DDB-ReplicatedWriteUnits"),
            unit_multiplier=HOURS_PER_MONTH,
            usage_based=w_scaled,
        )
        yield monthly(
            f"Read capacity units (RCU{', autoscaling' if r_scaled else ''})",
            "RCU",
            rcu,
            q("Provisioned IOPS", "ReadCapacityUnit-Hrs", "ReadCapacityUnit-Hrs", "DDB-ReadUnits"),
            unit_multiplier=HOURS_PER_MONTH,
            usage_based=r_scaled,
        )
    else:
        yield usage_component(
            "Replicated write request units (rWRU)",
            "1M rWRUs",
            u,
            "monthly_write_request_units",
            q(PPR, "ReplWriteRequestUnits", "ReplWriteRequestUnits", "DDB-ReplicatedWriteUnits"),
            per=1_000_000,
        )
        yield read_requests(u, q)
    yield from storage(u, q, pitr=r.get("point_in_time_recovery") is True)


PRICER = Pricer(type="aws_dynamodb_table_replica", price=_price, usage_keys=USAGE, doc=__doc__ or "")
