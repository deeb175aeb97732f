"""azurerm_vpn_gateway_connection: a site-to-site connection of a Virtual WAN VPN gateway.

Prices:
    S2S Connections: per connection unit-hour.
Usage keys:
    (none)
Not priced / assumptions:
    Each connection is billed as one connection unit, whatever its links.
References:
    https://azure.microsoft.com/pricing/details/virtual-wan/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.azure._vwan import vwan_query
from costgate.resources.base import Pricer, PricingContext, hourly


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    gateway = ctx.resolve(r, "vpn_gateway_id")
    yield hourly("S2S Connections", vwan_query(gateway or r, "VPN S2S Connection Unit"))


PRICER = Pricer(type="azurerm_vpn_gateway_connection", price=_price, doc=__doc__ or "")
