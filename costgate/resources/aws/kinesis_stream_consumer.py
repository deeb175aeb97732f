"""aws_kinesis_stream_consumer: an enhanced fan-out (EFO) consumer of a Kinesis data stream.

Prices:
    Provisioned stream: Enhanced fan-out consumer-shard hours, the stream's shard_count x 730 h a
    month (usage monthly_consumer_shard_hours overrides), and Enhanced fan-out data retrieval per
    GB (usage). On-demand stream: Enhanced fan-out data retrieval per GB (usage) at the on-demand
    rate; AWS bills no consumer hours there.
Usage keys:
    monthly_consumer_shard_hours: consumer-shard hours a month (default: shard_count x 730).
    monthly_data_retrieved_gb: GB this consumer reads a month.
Not priced / assumptions:
    The stream is the aws_kinesis_stream that stream_arn references; without it in the plan the
    stream is taken as provisioned with an unknown shard count (depends on usage). The stream's own
    enhanced fan-out usage keys (monthly_provisioned_efo_consumer_hours, ..._efo_data_out_gb) are
    for consumers outside the plan: give a consumer's usage in one place only.
References:
    https://aws.amazon.com/kinesis/data-streams/pricing/
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from costgate.model import HOURS_PER_MONTH, CostComponent, Resource
from costgate.resources.aws.kinesis_stream import _q
from costgate.resources.base import Pricer, PricingContext, UsageKey, monthly, number, usage_component

USAGE = (
    UsageKey("monthly_consumer_shard_hours", "float", "Consumer-shard hours a month (default shard_count x 730)"),
    UsageKey("monthly_data_retrieved_gb", "float", "GB this consumer reads a month"),
)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    stream = ctx.resolve(r, "stream_arn")
    mode = str((stream.block("stream_mode_details").get("stream_mode") if stream else None) or "PROVISIONED")
    if mode.upper() == "ON_DEMAND":
        yield usage_component(
            "Enhanced fan-out data retrieval",
            "GB",
            ctx.usage,
            "monthly_data_retrieved_gb",
            _q(r, "OnDemand-BilledOutgoingEFOBytes", "OnDemandEFODataRetrieval", "GB"),
        )
        return
    given = ctx.usage.number("monthly_consumer_shard_hours")
    shards = None if stream is None or stream.is_unknown("shard_count") else number(stream, "shard_count", Decimal(0))
    hours = given if given is not None else None if shards is None else shards * HOURS_PER_MONTH
    yield monthly(
        "Enhanced fan-out consumer-shard hours",
        "hours",
        hours,
        _q(r, "EnhancedFanoutHour", "ConsumerHour", "Hrs"),
        usage_based=given is not None,
    )
    yield usage_component(
        "Enhanced fan-out data retrieval",
        "GB",
        ctx.usage,
        "monthly_data_retrieved_gb",
        _q(r, "ReadBytes", "EnhancedFanoutDataRetrieval", "GB"),
    )


PRICER = Pricer(type="aws_kinesis_stream_consumer", price=_price, usage_keys=USAGE, doc=__doc__ or "")
