"""aws_kinesis_stream: a Kinesis data stream, provisioned or on-demand.

Prices:
    PROVISIONED (the default stream_mode): shard hours, shard_count x 730 h a month; PUT payload
    units (usage: monthly_provisioned_put_units); extended retention, per shard-hour when
    retention_period is above 24 h (shard_count x 730; usage
    monthly_provisioned_extended_retention_gb overrides); long-term retention above 7 days per
    GB-month and its retrieval per GB (usage: monthly_provisioned_long_term_retention_gb,
    monthly_provisioned_long_term_retrieval_gb, shown when retention_period is above 168 h or
    usage is given); enhanced fan-out data per GB and consumer-shard hours (usage:
    monthly_provisioned_efo_data_out_gb, monthly_provisioned_efo_consumer_hours).
    ON_DEMAND: stream hours (730 a month); data ingested, retrieved and retrieved by enhanced
    fan-out per GB; extended (24 h to 7 days) and long-term (7 days+) retention per GB-month
    (usage: monthly_on_demand_data_in_gb, monthly_on_demand_data_out_gb,
    monthly_on_demand_efo_data_out_gb, monthly_on_demand_extended_retention_gb,
    monthly_on_demand_long_term_retention_gb).
Usage keys:
    monthly_on_demand_data_in_gb: GB written to an on-demand stream a month.
    monthly_on_demand_data_out_gb: GB read by shared-throughput consumers a month.
    monthly_on_demand_efo_data_out_gb: GB read by enhanced fan-out consumers a month.
    monthly_on_demand_extended_retention_gb: GB-months stored between 24 h and 7 days.
    monthly_on_demand_long_term_retention_gb: GB-months stored beyond 7 days.
    monthly_provisioned_put_units: PUT payload units (25 KB each) a month.
    monthly_provisioned_extended_retention_gb: shard-hours of extended retention a month (the
    key's name is the reference estimator's; AWS bills it per shard-hour).
    monthly_provisioned_long_term_retention_gb: GB-months stored beyond 7 days.
    monthly_provisioned_long_term_retrieval_gb: GB read from beyond 7 days a month.
    monthly_provisioned_efo_data_out_gb: GB read by enhanced fan-out consumers a month.
    monthly_provisioned_efo_consumer_hours: enhanced fan-out consumer-shard hours a month.
Not priced / assumptions:
    Server-side encryption with KMS is billed by KMS. Enhanced fan-out consumers declared in the
    plan (aws_kinesis_stream_consumer) are priced on the consumer; the enhanced fan-out usage keys
    here are for consumers outside the plan (give each consumer's usage once). An unknown
    shard_count is reported as depending on it (quantity unknown), not guessed.
References:
    https://aws.amazon.com/kinesis/data-streams/pricing/
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from costgate.model import HOURS_PER_MONTH, CostComponent, PriceQuery, Resource
from costgate.resources.aws._common import aws_query, ut
from costgate.resources.base import Pricer, PricingContext, UsageKey, monthly, number, usage_component

USAGE = tuple(
    UsageKey(n, "float", d)
    for n, d in (
        ("monthly_on_demand_data_in_gb", "GB written to an on-demand stream a month"),
        ("monthly_on_demand_data_out_gb", "GB read by shared-throughput consumers of an on-demand stream a month"),
        ("monthly_on_demand_efo_data_out_gb", "GB read by enhanced fan-out consumers of an on-demand stream a month"),
        ("monthly_on_demand_extended_retention_gb", "GB-months stored between 24 hours and 7 days (on-demand)"),
        ("monthly_on_demand_long_term_retention_gb", "GB-months stored beyond 7 days (on-demand)"),
        ("monthly_provisioned_put_units", "PUT payload units (25 KB each) a month"),
        (
            "monthly_provisioned_extended_retention_gb",
            "Shard-hours of extended retention a month (AWS bills it per shard-hour)",
        ),
        ("monthly_provisioned_long_term_retention_gb", "GB-months stored beyond 7 days (provisioned)"),
        ("monthly_provisioned_long_term_retrieval_gb", "GB read from beyond 7 days a month (provisioned)"),
        ("monthly_provisioned_efo_data_out_gb", "GB read by enhanced fan-out consumers a month (provisioned)"),
        ("monthly_provisioned_efo_consumer_hours", "Enhanced fan-out consumer-shard hours a month (provisioned)"),
    )
)


def _q(r: Resource, usagetype: str, operation: str, unit: str) -> PriceQuery:
    return aws_query(
        r, "AmazonKinesis", "Kinesis Streams", {"usagetype": ut(r, usagetype), "operation": operation}, unit=unit
    )


def _provisioned(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    shards = None if r.is_unknown("shard_count") else number(r, "shard_count", Decimal(0))
    shard_hours = None if shards is None else shards * HOURS_PER_MONTH
    retention = number(r, "retention_period", Decimal(24)) or Decimal(24)
    yield monthly("Shard hours", "hours", shard_hours, _q(r, "Storage-ShardHour", "shardHourStorage", "Hrs"))
    yield usage_component(
        "PUT payload units",
        "1M units",
        ctx.usage,
        "monthly_provisioned_put_units",
        _q(r, "PutRequestPayloadUnits", "PutRequest", "Units"),
        per=1_000_000,
    )
    extended = ctx.usage.number("monthly_provisioned_extended_retention_gb")
    if extended is not None or retention > 24:
        yield monthly(
            "Extended retention (24h to 7 days)",
            "shard-hours",
            shard_hours if extended is None else extended,
            _q(r, "Extended-ShardHour", "shardHourStorage", "Hrs"),
            usage_based=extended is not None,
        )
    if retention > 168 or ctx.usage.number("monthly_provisioned_long_term_retention_gb") is not None:
        yield usage_component(
            "Long-term retention (7 days+)",
            "GB",
            ctx.usage,
            "monthly_provisioned_long_term_retention_gb",
            _q(r, "LongTermRetention-ByteHrs", "LongTermRetentionByteHrs", "GB-Mo"),
        )
        yield usage_component(
            "Long-term retention retrieval",
            "GB",
            ctx.usage,
            "monthly_provisioned_long_term_retrieval_gb",
            _q(r, "LongTermRetention-ReadBytes", "LongTermRetentionDataRetrieval", "GB"),
        )
    yield usage_component(
        "Enhanced fan-out data retrieval",
        "GB",
        ctx.usage,
        "monthly_provisioned_efo_data_out_gb",
        _q(r, "ReadBytes", "EnhancedFanoutDataRetrieval", "GB"),
    )
    yield usage_component(
        "Enhanced fan-out consumer-shard hours",
        "hours",
        ctx.usage,
        "monthly_provisioned_efo_consumer_hours",
        _q(r, "EnhancedFanoutHour", "ConsumerHour", "Hrs"),
    )


def _on_demand(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    yield monthly("Stream hours", "hours", HOURS_PER_MONTH, _q(r, "OnDemand-StreamHour", "OnDemandStreamHr", "Hrs"))
    for name, key, usagetype, operation, unit in (
        ("Data ingested", "data_in_gb", "OnDemand-BilledIncomingBytes", "OnDemandDataIngested", "GB"),
        ("Data retrieval", "data_out_gb", "OnDemand-BilledOutgoingBytes", "OnDemandDataRetrieval", "GB"),
        (
            "Enhanced fan-out data retrieval",
            "efo_data_out_gb",
            "OnDemand-BilledOutgoingEFOBytes",
            "OnDemandEFODataRetrieval",
            "GB",
        ),
        (
            "Extended retention (24h to 7 days)",
            "extended_retention_gb",
            "OnDemand-ExtendedRetention-ByteHrs",
            "OnDemandExtendedRetentionByteHrs",
            "GB-Mo",
        ),
        (
            "Long-term retention (7 days+)",
            "long_term_retention_gb",
            "OnDemand-LongTermRetention-ByteHrs",
            "OnDemandLongTermRetentionByteHrs",
            "GB-Mo",
        ),
    ):
        yield usage_component(name, "GB", ctx.usage, f"monthly_on_demand_{key}", _q(r, usagetype, operation, unit))


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    mode = str(r.block("stream_mode_details").get("stream_mode") or "PROVISIONED").upper()
    yield from (_on_demand(r, ctx) if mode == "ON_DEMAND" else _provisioned(r, ctx))


PRICER = Pricer(type="aws_kinesis_stream", price=_price, usage_keys=USAGE, doc=__doc__ or "")
