"""azurerm_private_dns_zone: a private Azure DNS zone.

Prices:
    Hosted zone: per zone-month (Azure DNS bills the first 25 zones of a subscription at the
    higher rate; each zone is priced at the first tier here).
Usage keys:
    (none)
Not priced / assumptions:
    Queries are priced on the record sets (usage: monthly_queries).
    Private zones are billed at the public zones' rates (Azure DNS pricing) but on their own
    meter ("Private Zone"), which is the one asked for (the reference estimator asks for the public one). Virtual network links are free.
References:
    https://azure.microsoft.com/pricing/details/dns/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.azure._dns import hosted_zone
from costgate.resources.base import Pricer, PricingContext


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    yield hosted_zone(r, kind="Private")


PRICER = Pricer(type="azurerm_private_dns_zone", price=_price, doc=__doc__ or "")
