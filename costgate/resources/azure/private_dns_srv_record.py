"""azurerm_private_dns_srv_record: an SRV record set in a private DNS zone.

Prices:
    DNS queries: per million queries answered from the record set (usage: monthly_queries),
    cheaper above one billion a month (the meter's tiers).
Usage keys:
    monthly_queries: queries a month the record set answers.
Not priced / assumptions:
    The zone itself is priced on its zone resource. Queries are billed per zone by Azure; here
    they are attributed to the record sets the usage file names.
    Private zones are billed at the public zones' rates (Azure DNS pricing) but on their own
    meter ("Private Queries"), which is the one asked for (the reference estimator asks for the public one).
References:
    https://azure.microsoft.com/pricing/details/dns/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.azure._dns import QUERY_USAGE, dns_queries
from costgate.resources.base import Pricer, PricingContext


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    yield dns_queries(r, ctx.usage, kind="Private")


PRICER = Pricer(type="azurerm_private_dns_srv_record", price=_price, usage_keys=QUERY_USAGE, doc=__doc__ or "")
