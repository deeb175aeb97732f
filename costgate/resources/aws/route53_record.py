"""aws_route53_record: DNS queries answered for a Route 53 record.

Prices:
    Standard queries: per 1M queries (usage: monthly_standard_queries), tiered.
    Latency based routing queries: per 1M queries (usage: monthly_latency_based_queries), tiered.
    Geo DNS queries: per 1M queries (usage: monthly_geo_queries), tiered.
Usage keys:
    monthly_standard_queries: standard queries a month.
    monthly_latency_based_queries: latency-based routing queries a month.
    monthly_geo_queries: geolocation / geoproximity queries a month.
Not priced / assumptions:
    Alias records pointing at AWS resources answer queries for free: nothing is yielded for them.
    Prices are queried in us-east-1 (see route53_zone: Route 53 is global). The catalog snapshot
    holds only the first-1B-queries tier.
References:
    https://aws.amazon.com/route53/pricing/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.aws._common import aws_query
from costgate.resources.aws.route53_zone import ROUTE53_REGION
from costgate.resources.base import Pricer, PricingContext, UsageKey, no_charge, usage_component

USAGE = (
    UsageKey("monthly_standard_queries", "int", "Standard queries a month"),
    UsageKey("monthly_latency_based_queries", "int", "Latency-based routing queries a month"),
    UsageKey("monthly_geo_queries", "int", "Geo DNS queries a month"),
)

_QUERIES = (
    ("Standard queries", "monthly_standard_queries", "DNS-Queries"),
    ("Latency based routing queries", "monthly_latency_based_queries", "LBR-Queries"),
    ("Geo DNS queries", "monthly_geo_queries", "Geo-Queries"),
)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    if r.blocks("alias"):
        yield no_charge(
            r,
            "Queries",
            "an alias record: Route 53 does not charge for queries to alias records that point at AWS resources",
        )
        return
    for name, key, usagetype in _QUERIES:
        yield usage_component(
            name,
            "1M queries",
            ctx.usage,
            key,
            aws_query(r, "AmazonRoute53", "DNS Query", {"usagetype": usagetype}, unit="Queries", region=ROUTE53_REGION),
            per=1_000_000,
        )


PRICER = Pricer(type="aws_route53_record", price=_price, usage_keys=USAGE, doc=__doc__ or "")
