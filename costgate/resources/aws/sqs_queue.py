"""aws_sqs_queue: an SQS queue (standard or FIFO).

Prices:
    Requests: per 1M requests, each 64 KB chunk of a request counting as one
    (usage: monthly_requests, request_size_kb).
Usage keys:
    monthly_requests: API requests a month (send, receive, delete, ...).
    request_size_kb: average request size in KB (default 64: one chunk per request).
Not priced / assumptions:
    The account-wide free tier (first 1M requests) is not subtracted. Data transfer out is
    billed as data transfer. Fair queues and high-throughput FIFO tiers are not distinguished.
References:
    https://aws.amazon.com/sqs/pricing/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.aws._common import aws_query
from costgate.resources.aws._requests import billed_requests
from costgate.resources.base import Pricer, PricingContext, UsageKey, monthly

USAGE = (
    UsageKey("monthly_requests", "float", "API requests a month"),
    UsageKey("request_size_kb", "int", "Average request size in KB; billed in 64 KB chunks", 64),
)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    queue_type = "FIFO (first-in, first-out)" if r.get("fifo_queue") is True else "Standard"
    requests = billed_requests(ctx.usage)
    yield monthly(
        "Requests",
        "1M requests",
        None if requests is None else requests / 1_000_000,
        aws_query(r, "AWSQueueService", "API Request", {"queueType": queue_type}, unit="Requests"),
        usage_based=True,
        unit_multiplier=1_000_000,
    )


PRICER = Pricer(type="aws_sqs_queue", price=_price, usage_keys=USAGE, doc=__doc__ or "")
