"""azurerm_private_dns_resolver_dns_forwarding_ruleset: a DNS forwarding ruleset of a private resolver.

Prices:
    Forwarding ruleset: per month it exists (Azure DNS, skuName "Private Resolver").
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
    yield resolver_meter(r, "Forwarding ruleset", "Private Resolver DNS Forwarding Ruleset")


PRICER = Pricer(type="azurerm_private_dns_resolver_dns_forwarding_ruleset", price=_price, doc=__doc__ or "")
