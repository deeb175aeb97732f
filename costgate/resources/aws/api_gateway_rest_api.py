"""aws_api_gateway_rest_api: an API Gateway REST API, billed per request it receives.

Prices:
    Requests: per 1M API calls (usage: monthly_requests), in AWS's volume tiers (first 333M,
    next 667M, next 19B, over 20B).
Usage keys:
    monthly_requests: API calls a month.
Not priced / assumptions:
    The whole month's quantity is one component; the catalog's tiers split it. The shipped
    catalog holds the first tier (333M) only: calls beyond it are listed as not priced until
    `catalog refresh` brings the higher tiers. AWS tiers per account and region; costgate tiers
    each API on its own. Caching is priced on aws_api_gateway_stage; data transfer out is billed
    separately (aws_data_transfer usage). Private APIs bill the same request rate.
References:
    https://aws.amazon.com/api-gateway/pricing/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.aws._common import aws_query
from costgate.resources.aws._usagetype import regional_ut
from costgate.resources.base import Pricer, PricingContext, UsageKey, usage_component

USAGE = (UsageKey("monthly_requests", "int", "API calls a month"),)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    yield usage_component(
        "Requests",
        "1M requests",
        ctx.usage,
        "monthly_requests",
        aws_query(
            r, "AmazonApiGateway", "API Calls", {"usagetype": regional_ut(r, "ApiGatewayRequest")}, unit="Requests"
        ),
        per=1_000_000,
    )


PRICER = Pricer(type="aws_api_gateway_rest_api", price=_price, usage_keys=USAGE, doc=__doc__ or "")
