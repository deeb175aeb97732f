"""azurerm_vpn_gateway: a site-to-site VPN gateway in a Virtual WAN hub.

Prices:
    S2S scale units (500 Mbps): per scale unit-hour (`scale_unit`, default 1).
Usage keys:
    (none)
Not priced / assumptions:
    Connections are priced on azurerm_vpn_gateway_connection; the hub on azurerm_virtual_hub.
References:
    https://azure.microsoft.com/pricing/details/virtual-wan/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.azure._vwan import scale_units
from costgate.resources.base import Pricer, PricingContext


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    yield scale_units(r, "S2S scale units (500 Mbps)", "VPN S2S Scale Unit", r.get("scale_unit"))


PRICER = Pricer(type="azurerm_vpn_gateway", price=_price, doc=__doc__ or "")
