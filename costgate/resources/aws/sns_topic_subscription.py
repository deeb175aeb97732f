"""aws_sns_topic_subscription: a subscription to an SNS topic, priced for HTTP/HTTPS deliveries.

Prices:
    HTTP notifications: per 1M deliveries to an http or https endpoint, 64 KB chunks
    (usage: monthly_requests, request_size_kb).
Usage keys:
    monthly_requests: messages delivered to this subscription a month.
    request_size_kb: average message size in KB (billed in 64 KB chunks, default 64).
Not priced / assumptions:
    Other protocols are priced on the topic (sns_topic's <protocol>_subscriptions usage) or are
    free (sqs, lambda, application): nothing is yielded for them. The account-wide free 100k HTTP
    deliveries are not subtracted here (the topic's usage may count them already).
References:
    https://aws.amazon.com/sns/pricing/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.aws._common import aws_query, ut
from costgate.resources.aws._requests import billed_requests
from costgate.resources.base import Pricer, PricingContext, UsageKey, monthly, no_charge

USAGE = (
    UsageKey("monthly_requests", "int", "Messages delivered to this subscription a month"),
    UsageKey("request_size_kb", "float", "Average message size in KB; billed in 64 KB chunks", 64),
)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    protocol = str(r.get("protocol", "")).lower()
    if protocol in ("sqs", "lambda", "firehose"):
        yield no_charge(
            r, "Deliveries", f"deliveries to {protocol} have no SNS charge (the receiving service bills its own)"
        )
        return
    if protocol not in ("http", "https"):
        return
    requests = billed_requests(ctx.usage)
    quantity = None if requests is None else requests / 1_000_000
    yield monthly(
        "HTTP notifications",
        "1M notifications",
        quantity,
        aws_query(
            r, "AmazonSNS", "Message Delivery", {"usagetype": ut(r, "DeliveryAttempts-HTTP")}, unit="Notifications"
        ),
        usage_based=True,
        unit_multiplier=1_000_000,
    )


PRICER = Pricer(type="aws_sns_topic_subscription", price=_price, usage_keys=USAGE, doc=__doc__ or "")
