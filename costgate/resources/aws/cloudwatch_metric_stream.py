"""aws_cloudwatch_metric_stream: a CloudWatch metric stream to a Kinesis Data Firehose delivery stream.

Prices:
    Metric updates: per 1,000 metric updates streamed (usage: monthly_metric_updates). AWS bills
    them under AmazonCloudWatch product family Metric Streams, group CW-MetricStreams, usagetype
    CW:MetricStreamUsage (region-prefixed), priced per Metric Update.
Usage keys:
    monthly_metric_updates: metric updates streamed a month (one per metric per minute, more with
    statistics_configuration's additional statistics).
Not priced / assumptions:
    The number of updates depends on how many metrics the include/exclude filters match, which
    the plan cannot tell: the component depends on usage. The Firehose delivery stream it writes
    to is priced as aws_kinesis_firehose_delivery_stream.
References:
    https://aws.amazon.com/cloudwatch/pricing/
    https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch-Metric-Streams.html
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.aws._common import aws_query, ut
from costgate.resources.base import Pricer, PricingContext, UsageKey, usage_component

USAGE = (UsageKey("monthly_metric_updates", "float", "Metric updates streamed a month"),)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    attrs = {"group": "CW-MetricStreams", "usagetype": ut(r, "CW:MetricStreamUsage")}
    query = aws_query(r, "AmazonCloudWatch", "Metric Streams", attrs, unit="Metric Update")
    yield usage_component("Metric updates", "1k updates", ctx.usage, "monthly_metric_updates", query, per=1000)


PRICER = Pricer(type="aws_cloudwatch_metric_stream", price=_price, usage_keys=USAGE, doc=__doc__ or "")
