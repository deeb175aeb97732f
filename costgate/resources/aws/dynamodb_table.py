"""aws_dynamodb_table: a DynamoDB table, its backups, streams and global-table replicas.

Prices:
    PROVISIONED (the default): write and read capacity units, per unit-month (730 unit-hours);
    with an aws_appautoscaling_target on the table, its min_capacity (usage-based).
    PAY_PER_REQUEST: write and read request units (usage).
    Data storage, PITR backup storage (point_in_time_recovery enabled), on-demand backup
    storage, data restored, streams read request units (usage).
    Global tables: per replica region, replicated write capacity units (provisioned: the
    table's write capacity) or replicated write request units (on demand: the table's writes).
Usage keys:
    monthly_write_request_units, monthly_read_request_units, storage_gb, pitr_backup_storage_gb,
    on_demand_backup_storage_gb, monthly_data_restored_gb, monthly_streams_read_request_units.
Not priced / assumptions:
    Autoscaled capacity is the `capacity` usage given for the aws_appautoscaling_target (as the
    reference usage format puts it), else the target's min_capacity. STANDARD_INFREQUENT_ACCESS tables
    look up the IA products. Reserved capacity, exports, Kinesis streaming and global-table
    replica storage are not priced. The first 25 GB-months of storage are not deducted.
References:
    https://aws.amazon.com/dynamodb/pricing/
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
        ("monthly_write_request_units", "Write request units a month (on-demand tables)"),
        ("monthly_read_request_units", "Read request units a month (on-demand tables)"),
        ("storage_gb", "Table storage (GB)"),
        ("pitr_backup_storage_gb", "Point-in-time recovery backup storage (GB)"),
        ("on_demand_backup_storage_gb", "On-demand backup storage (GB)"),
        ("monthly_data_restored_gb", "Data restored a month (GB)"),
        ("monthly_streams_read_request_units", "Streams read request units a month"),
    )
)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    u, ia = ctx.usage, "IA-" if r.get("table_class") == "STANDARD_INFREQUENT_ACCESS" else ""

    def q(family: str, suffix: str, unit: str, group: str | None = None, region: str | None = None) -> PriceQuery:
        attrs = {"usagetype": usage_type(region or region_of(r), ia + suffix), **({"group": group} if group else {})}
        return aws_query(r, S, family, attrs, unit=unit, region=region)

    provisioned, wcu = str(r.get("billing_mode") or "PROVISIONED") == "PROVISIONED", None
    if provisioned:
        for kind, short in (("Write", "WCU"), ("Read", "RCU")):
            units, scaled = capacity(r, ctx, f"{kind}CapacityUnits", f"{kind.lower()}_capacity")
            wcu = units if kind == "Write" else wcu
            unit = f"{kind}CapacityUnit-Hrs"
            yield monthly(
                f"{kind} capacity units ({short}{', autoscaling' if scaled else ''})",
                short,
                units,
                q("Provisioned IOPS", unit, unit, f"DDB-{kind}Units"),
                unit_multiplier=HOURS_PER_MONTH,
                usage_based=scaled,
            )
    else:
        yield usage_component(
            "Write request units (WRU)",
            "1M WRUs",
            u,
            "monthly_write_request_units",
            q(PPR, "WriteRequestUnits", "WriteRequestUnits", "DDB-WriteUnits"),
            per=1_000_000,
        )
        yield read_requests(u, q)
    yield from storage(u, q, pitr=r.block("point_in_time_recovery").get("enabled") is True)
    yield usage_component(
        "On-demand backup storage",
        "GB",
        u,
        "on_demand_backup_storage_gb",
        q("Amazon DynamoDB On-Demand Backup Storage", "TimedBackupStorage-ByteHrs", "GB-Mo"),
    )
    yield usage_component(
        "Table data restored",
        "GB",
        u,
        "monthly_data_restored_gb",
        q("Amazon DynamoDB Restore Data Size", "RestoreDataSize-Bytes", "GB"),
    )
    yield usage_component(
        "Streams read request units (sRRU)",
        "1M sRRUs",
        u,
        "monthly_streams_read_request_units",
        q("API Request", "Streams-RequestsCount", "Requests", "DDB-StreamsReadRequests"),
        per=1_000_000,
    )
    for replica in r.blocks("replica"):
        region = str(replica.get("region_name"))
        path = f"Global table ({region})"
        if provisioned:
            unit = "ReplWriteCapacityUnit-Hrs"
            yield monthly(
                "Replicated write capacity units (rWCU)",
                "rWCU",
                wcu,
                q("DDB-Operation-ReplicatedWrite", unit, unit, "DDB-ReplicatedWriteUnits", region),
                unit_multiplier=HOURS_PER_MONTH,
                path=path,
            )
        else:
            yield usage_component(
                "Replicated write request units (rWRU)",
                "1M rWRUs",
                u,
                "monthly_write_request_units",
                q(PPR, "ReplWriteRequestUnits", "ReplWriteRequestUnits", "DDB-ReplicatedWriteUnits", region),
                per=1_000_000,
                path=path,
            )


PRICER = Pricer(type="aws_dynamodb_table", price=_price, usage_keys=USAGE, doc=__doc__ or "")
