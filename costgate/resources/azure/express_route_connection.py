"""azurerm_express_route_connection: a circuit connection of a Virtual WAN ExpressRoute gateway.

Prices:
    ER Connections: per connection unit-hour, in the gateway's region.
Usage keys:
    (none)
Not priced / assumptions:
    The circuit is billed by its provider and Azure's ExpressRoute circuit meters, not here.
References:
    https://azure.microsoft.com/pricing/details/virtual-wan/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.azure._vwan import vwan_query
from costgate.resources.base import Pricer, PricingContext, hourly


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    gateway = ctx.resolve(r, "express_route_gateway_id")
    yield hourly("ER Connections", vwan_query(gateway or r, "ExpressRoute Connection Unit"))


PRICER = Pricer(type="azurerm_express_route_connection", price=_price, doc=__doc__ or "")
