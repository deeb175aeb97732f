"""aws_route53_resolver_endpoint: an inbound or outbound Route 53 Resolver endpoint.

Prices:
    Resolver endpoints: per hour per IP address (elastic network interface) of the endpoint.
    DNS queries: per 1M queries through the endpoint (usage: monthly_queries), tiered.
Usage keys:
    monthly_queries: DNS queries through the endpoint a month.
Not priced / assumptions:
    One network interface per ip_address block (AWS requires at least two). Resolver products
    are regional; their usage types carry the region prefix even in us-east-1. The catalog
    snapshot holds only the first-1B-queries tier: more queries show as not priced.
References:
    https://aws.amazon.com/route53/pricing/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.aws._common import aws_query
from costgate.resources.aws._usagetype import regional_ut
from costgate.resources.base import Pricer, PricingContext, UsageKey, hourly, usage_component

USAGE = (UsageKey("monthly_queries", "int", "DNS queries through the endpoint a month"),)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    interfaces = len(r.blocks("ip_address")) or 2
    yield hourly(
        "Resolver endpoints",
        aws_query(
            r, "AmazonRoute53", "DNS Query", {"usagetype": regional_ut(r, "ResolverNetworkInterface")}, unit="Hrs"
        ),
        count=interfaces,
    )
    yield usage_component(
        "DNS queries",
        "1M queries",
        ctx.usage,
        "monthly_queries",
        aws_query(r, "AmazonRoute53", "DNS Query", {"usagetype": regional_ut(r, "DNS-Queries")}, unit="Queries"),
        per=1_000_000,
    )


PRICER = Pricer(type="aws_route53_resolver_endpoint", price=_price, usage_keys=USAGE, doc=__doc__ or "")
