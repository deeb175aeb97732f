"""aws_sns_topic: an SNS topic (standard or FIFO), priced from its publishes and deliveries.

Prices:
    Standard topics: API requests per 1M, 64 KB chunks, the first 1M free (usage:
    monthly_requests, request_size_kb); deliveries per protocol, counted as publishes x
    subscriptions (usage: <protocol>_subscriptions), HTTP/HTTPS with the first 100k free, email
    the first 1k, SMS the first 100; Kinesis Firehose, mobile push and macOS from the first.
    FIFO topics: publish API requests per 1M and publish payload per GB (usage: monthly_requests,
    request_size_kb); deliveries to SQS per 1M and their payload per GB, counted for every
    aws_sns_topic_subscription of the topic in the plan.
Usage keys:
    monthly_requests: publishes a month.
    request_size_kb: average message size in KB (standard: billed in 64 KB chunks, default 64).
    http_subscriptions: HTTP/HTTPS subscribers (standard topics).
    email_subscriptions: email and email-JSON subscribers (standard topics).
    kinesis_subscriptions: Kinesis Data Firehose subscribers (standard topics).
    mobile_push_subscriptions: mobile push subscribers (standard topics).
    macos_subscriptions: macOS push subscribers (standard topics).
    sms_subscriptions: SMS subscribers (standard topics).
Not priced / assumptions:
    The quantity is the whole month's; the free allowance is the price list's own first tier
    (AWS lists it as a $0 tier), so the cost counts only what lies beyond it.
    SMS prices depend on the destination country; the catalog holds the US price, and a
    custom sms_notification_price from the usage file is not applied (costgate takes prices from
    the catalog only). Deliveries to SQS and Lambda from standard topics are free. FIFO payload
    without request_size_kb depends on usage.
References:
    https://aws.amazon.com/sns/pricing/
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from costgate.model import CostComponent, Resource
from costgate.resources.aws._common import aws_query, ut
from costgate.resources.aws._requests import billed_requests
from costgate.resources.aws._usagetype import regional_ut
from costgate.resources.base import Pricer, PricingContext, UsageKey, monthly

USAGE = (
    UsageKey("monthly_requests", "int", "Publishes a month"),
    UsageKey("request_size_kb", "float", "Average message size in KB (standard topics bill 64 KB chunks)", 64),
    UsageKey("http_subscriptions", "int", "HTTP/HTTPS subscribers"),
    UsageKey("email_subscriptions", "int", "Email and email-JSON subscribers"),
    UsageKey("kinesis_subscriptions", "int", "Kinesis Data Firehose subscribers"),
    UsageKey("mobile_push_subscriptions", "int", "Mobile push subscribers"),
    UsageKey("macos_subscriptions", "int", "macOS push subscribers"),
    UsageKey("sms_subscriptions", "int", "SMS subscribers"),
)

# name, unit, per, usagetype suffix, subscriptions key
_DELIVERIES = (
    (
        "HTTP/HTTPS notifications (first 100k free)",
        "100k notifications",
        100_000,
        "DeliveryAttempts-HTTP",
        "http_subscriptions",
    ),
    (
        "Email/Email-JSON notifications (first 1k free)",
        "100k notifications",
        100_000,
        "DeliveryAttempts-SMTP",
        "email_subscriptions",
    ),
    (
        "Kinesis Firehose notifications",
        "1M notifications",
        1_000_000,
        "DeliveryAttempts-FIREHOSE",
        "kinesis_subscriptions",
    ),
    ("Mobile Push notifications", "1M notifications", 1_000_000, "DeliveryAttempts-APNS", "mobile_push_subscriptions"),
    ("MacOS notifications", "1M notifications", 1_000_000, "DeliveryAttempts-MACOS", "macos_subscriptions"),
    ("SMS notifications (first 100 free)", "100 notifications", 100, "DeliveryAttempts-SMS", "sms_subscriptions"),
)


def _per(total: Decimal | None, per: int) -> Decimal | None:
    return None if total is None else total / per


def _standard(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    requests = billed_requests(ctx.usage)
    yield monthly(
        "API requests (first 1M free)",
        "1M requests",
        _per(requests, 1_000_000),
        aws_query(r, "AmazonSNS", "API Request", {"usagetype": ut(r, "Requests-Tier1")}, unit="Requests"),
        usage_based=True,
        unit_multiplier=1_000_000,
    )
    for name, unit, per, suffix, key in _DELIVERIES:
        subs = ctx.usage.number(key)
        total = (
            subs * requests
            if subs is not None and requests is not None
            else Decimal(0)
            if subs == 0 or requests == 0
            else None
        )
        yield monthly(
            name,
            unit,
            _per(total, per),
            aws_query(r, "AmazonSNS", "Message Delivery", {"usagetype": ut(r, suffix)}, unit="Notifications"),
            usage_based=True,
            unit_multiplier=per,
        )


def _fifo(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    requests = ctx.usage.number("monthly_requests")
    size_kb = ctx.usage.number("request_size_kb")
    gb = None if requests is None or size_kb is None else requests * size_kb / 1_000_000
    subs = len(ctx.referencing(r, "aws_sns_topic_subscription", "topic_arn"))
    lines = (
        ("FIFO Publish API requests", "1M requests", 1_000_000, "F-Request-Tier1", "Requests", requests),
        ("FIFO Publish API payload", "GB", 1, "F-Ingress-Tier1", "GB", gb),
        (
            "FIFO notifications",
            "1M notifications",
            1_000_000,
            "F-DA-SQS",
            "Notifications",
            None if requests is None else requests * subs,
        ),
        ("FIFO notification payload", "GB", 1, "F-Egress-SQS", "GB", None if gb is None else gb * subs),
    )
    for i, (name, unit, per, suffix, catalog_unit, quantity) in enumerate(lines):
        if i >= 2 and subs == 0:
            quantity = Decimal(0)
        yield monthly(
            name,
            unit,
            None if quantity is None else quantity / per,
            aws_query(r, "AmazonSNS", None, {"usagetype": regional_ut(r, suffix)}, unit=catalog_unit),
            usage_based=True,
            unit_multiplier=per,
        )


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    yield from (_fifo if r.get("fifo_topic") is True else _standard)(r, ctx)


PRICER = Pricer(type="aws_sns_topic", price=_price, usage_keys=USAGE, doc=__doc__ or "")
