"""aws_lambda_function: a Lambda function billed per request and per GB-second it runs.

Prices:
    Requests: per 1M requests (usage: monthly_requests).
    Duration: per GB-second = requests x duration (rounded up to 1 ms) x memory_size / 1024,
        tiered as the catalog tiers it (x86 and arm64 have their own tiers and prices).
    Ephemeral storage: per GB-second of /tmp above the free 512 MB.
Usage keys:
    monthly_requests: requests a month.
    request_duration_ms: average duration of a request in milliseconds.
Not priced / assumptions:
    memory_size defaults to 128 MB, architectures to x86_64, ephemeral_storage to 512 MB (the
    provider's defaults). Without both usage keys duration depends on usage. Provisioned concurrency
    is priced on aws_lambda_provisioned_concurrency_config; the monthly free tier is not deducted.
References:
    https://aws.amazon.com/lambda/pricing/
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import ROUND_CEILING, Decimal

from costgate.model import CostComponent, PriceQuery, Resource
from costgate.resources.aws._common import aws_query, ut
from costgate.resources.base import Pricer, PricingContext, UsageKey, monthly, number, usage_component

USAGE = (
    UsageKey("monthly_requests", "float", "Requests a month"),
    UsageKey("request_duration_ms", "float", "Average request duration in milliseconds"),
)

MB_PER_GB = Decimal(1024)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    arm = "arm64" in (r.get("architectures") or [])
    sfx = "-ARM" if arm else ""
    memory_gb = (number(r, "memory_size", Decimal(128)) or Decimal(128)) / MB_PER_GB
    storage_gb = (number(r.block("ephemeral_storage"), "size", Decimal(512)) or Decimal(512)) / MB_PER_GB
    requests, duration = ctx.usage.number("monthly_requests"), ctx.usage.number("request_duration_ms")
    seconds = None
    if requests is not None and duration is not None:
        seconds = requests * duration.to_integral_value(rounding=ROUND_CEILING) / 1000

    def q(group: str, usagetype: str, unit: str) -> PriceQuery:
        return aws_query(
            r, "AWSLambda", "Serverless", {"group": group + sfx, "usagetype": ut(r, usagetype + sfx)}, unit=unit
        )

    yield usage_component(
        "Requests",
        "1M requests",
        ctx.usage,
        "monthly_requests",
        q("AWS-Lambda-Requests", "Request", "Requests"),
        per=1_000_000,
    )
    extra_gb = storage_gb - Decimal("0.5")
    if seconds is None or extra_gb > 0:
        yield monthly(
            "Ephemeral storage",
            "GB-seconds",
            None if seconds is None else seconds * extra_gb,
            q("AWS-Lambda-Storage-Duration", "Lambda-Storage-Gigabyte-Second", "GB-Seconds"),
            usage_based=True,
        )
    yield monthly(
        "Duration",
        "GB-seconds",
        None if seconds is None else seconds * memory_gb,
        q("AWS-Lambda-Duration", "Lambda-GB-Second", "Lambda-GB-Second"),
        usage_based=True,
    )


PRICER = Pricer(type="aws_lambda_function", price=_price, usage_keys=USAGE, doc=__doc__ or "")
