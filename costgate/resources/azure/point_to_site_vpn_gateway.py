"""azurerm_point_to_site_vpn_gateway: a point-to-site (user VPN) gateway in a Virtual WAN hub.

Prices:
    P2S scale units (500 Mbps): per scale unit-hour (`scale_unit`).
    P2S connections: per connection unit-hour (usage: monthly_p2s_connections_hrs).
Usage keys:
    monthly_p2s_connections_hrs: connection-hours of all users a month.
Not priced / assumptions:
    The hub is priced on azurerm_virtual_hub.
References:
    https://azure.microsoft.com/pricing/details/virtual-wan/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.azure._vwan import scale_units, vwan_query
from costgate.resources.base import Pricer, PricingContext, UsageKey, usage_component

USAGE = (UsageKey("monthly_p2s_connections_hrs", "float", "Connection-hours of all users a month"),)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    yield scale_units(r, "P2S scale units (500 Mbps)", "VPN P2S Scale Unit", r.get("scale_unit"))
    yield usage_component(
        "P2S connections", "hours", ctx.usage, "monthly_p2s_connections_hrs", vwan_query(r, "VPN P2S Connection Unit")
    )


PRICER = Pricer(type="azurerm_point_to_site_vpn_gateway", price=_price, usage_keys=USAGE, doc=__doc__ or "")
