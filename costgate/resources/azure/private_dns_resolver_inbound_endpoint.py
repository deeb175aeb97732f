"""azurerm_private_dns_resolver_inbound_endpoint: an inbound endpoint of a DNS private resolver.

Prices:
    Inbound endpoint: per month it exists (Azure DNS, skuName "Private Resolver").
Usage keys:
    (none)
Not priced / assumptions:
    The resolver itself (azurerm_private_dns_resolver) has no charge of its own; queries it
    resolves are included in the endpoint fee. Azure sells the meter per billing zone (Zone 1).
References:
    https://azure.microsoft.com/pricing/details/dns/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.azure._dns import resolver_meter
from costgate.resources.base import Pricer, PricingContext


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    yield resolver_meter(r, "Inbound endpoint", "Private Resolver Inbound Endpoint")


PRICER = Pricer(type="azurerm_private_dns_resolver_inbound_endpoint", price=_price, doc=__doc__ or "")
