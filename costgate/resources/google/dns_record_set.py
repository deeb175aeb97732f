"""google_dns_record_set: a Cloud DNS record set.

Prices:
    Queries: per million queries (usage: monthly_queries).
Usage keys:
    monthly_queries: DNS queries answered for the record set a month.
Not priced / assumptions:
    Queries are billed per million with lower rates past one billion a month (tiers from the
    catalog). The zone's monthly fee is priced on google_dns_managed_zone.
References:
    https://cloud.google.com/dns/pricing
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.base import Pricer, PricingContext, UsageKey, usage_component
from costgate.resources.google._common import GLOBAL, gcp_query

SERVICE = "Cloud DNS"
USAGE = (UsageKey("monthly_queries", "float", "DNS queries answered for the record set a month"),)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    yield usage_component(
        "Queries",
        "1M queries",
        ctx.usage,
        "monthly_queries",
        gcp_query(r, SERVICE, {"resourceGroup": "DNSQuery"}, family="Network", unit="count", region=GLOBAL),
        per=1000000,
    )


PRICER = Pricer(type="google_dns_record_set", price=_price, usage_keys=USAGE, doc=__doc__ or "")
