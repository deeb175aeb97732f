"""aws_cloudfront_function: a CloudFront Function (lightweight JavaScript at the edge).

Prices:
    Invocations: per 1M invocations (usage: monthly_requests).
Usage keys:
    monthly_requests: function invocations a month.
Not priced / assumptions:
    The always-free allowance (2M invocations a month) is not subtracted. CloudFront is global:
    the price is queried in us-east-1. The catalog snapshot has no CloudFront Functions price
    (price_facts lacks it): the component shows as not priced until a catalog refresh.
References:
    https://aws.amazon.com/cloudfront/pricing/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.aws._common import aws_query
from costgate.resources.base import Pricer, PricingContext, UsageKey, usage_component

USAGE = (UsageKey("monthly_requests", "int", "Function invocations a month"),)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    yield usage_component(
        "Invocations",
        "1M invocations",
        ctx.usage,
        "monthly_requests",
        aws_query(
            r,
            "AmazonCloudFront",
            "Request",
            {"usagetype": "Executions-CloudFrontFunctions"},
            unit="Requests",
            region="us-east-1",
        ),
        per=1_000_000,
    )


PRICER = Pricer(type="aws_cloudfront_function", price=_price, usage_keys=USAGE, doc=__doc__ or "")
