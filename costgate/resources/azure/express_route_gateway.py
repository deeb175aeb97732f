"""azurerm_express_route_gateway: an ExpressRoute gateway in a Virtual WAN hub.

Prices:
    ER scale units (2 Gbps): per scale unit-hour (`scale_units`, default 1).
Usage keys:
    (none)
Not priced / assumptions:
    Connections are priced on azurerm_express_route_connection; circuits and their ports are
    billed on the ExpressRoute circuit.
References:
    https://azure.microsoft.com/pricing/details/virtual-wan/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.azure._vwan import scale_units
from costgate.resources.base import Pricer, PricingContext


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    yield scale_units(r, "ER scale units (2 Gbps)", "ExpressRoute Scale Unit", r.get("scale_units"))


PRICER = Pricer(type="azurerm_express_route_gateway", price=_price, doc=__doc__ or "")
