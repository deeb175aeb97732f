"""aws_api_gateway_stage: a REST API stage, priced for its cache cluster.

Prices:
    Cache memory (<size> GB): per hour while cache_cluster_enabled (730 h a month).
Usage keys:
    (none)
Not priced / assumptions:
    A stage without a cache costs nothing by itself (requests are billed on the API: usage of
    aws_api_gateway_rest_api). When the cache is enabled without a size, AWS's default 0.5 GB
    applies (also when the size is unknown until apply).
References:
    https://aws.amazon.com/api-gateway/pricing/
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal, InvalidOperation

from costgate.model import CostComponent, Resource
from costgate.resources.aws._common import aws_query
from costgate.resources.base import Pricer, PricingContext, UsageKey, hourly, no_charge

USAGE: tuple[UsageKey, ...] = ()
DEFAULT_SIZE_GB = "0.5"


def _size(r: Resource) -> str:
    """The cache size as AWS writes it (0.5, 1.6, 6.1, 13.5, 28.4, 58.2, 118, 237)."""
    try:
        size = Decimal(str(r.get("cache_cluster_size", DEFAULT_SIZE_GB)))
    except InvalidOperation:
        size = Decimal(DEFAULT_SIZE_GB)
    text = format(size, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    if r.get("cache_cluster_enabled") is not True:
        yield no_charge(
            r, "Cache", "no cache cluster: a stage is billed only for its cache (requests are billed on the API)"
        )
        return
    size = _size(r)
    yield hourly(
        f"Cache memory ({size} GB)",
        aws_query(r, "AmazonApiGateway", "Amazon API Gateway Cache", {"cacheMemorySizeGb": size}, unit="Hrs"),
    )


PRICER = Pricer(type="aws_api_gateway_stage", price=_price, usage_keys=USAGE, doc=__doc__ or "")
