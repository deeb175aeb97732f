"""azurerm_virtual_network_gateway_connection: a connection of a virtual network gateway.

Prices:
    S2S tunnel: per hour for a site-to-site (`type = "IPsec"`) connection beyond the 10 a VPN
    gateway includes (connections of one gateway in address order; a gateway outside the plan:
    the connection is priced as one more tunnel).
Usage keys:
    (none)
Not priced / assumptions:
    Connections of a Basic gateway, VNet-to-VNet and ExpressRoute connections have no tunnel
    fee (their data transfer is priced on the gateway or the circuit).
References:
    https://azure.microsoft.com/pricing/details/vpn-gateway/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.azure._common import address_order, azure_query
from costgate.resources.base import Pricer, PricingContext, hourly, no_charge

INCLUDED_S2S = 10
TYPE = "azurerm_virtual_network_gateway_connection"


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    if str(r.get("type") or "").lower() != "ipsec":
        yield no_charge(
            r,
            "Connection",
            "not a site-to-site (IPsec) connection: no per-connection charge (billed on the gateways and circuits)",
        )
        return
    gateway = ctx.resolve(r, "virtual_network_gateway_id")
    sku = str(gateway.get("sku") or "Basic") if gateway is not None else "VpnGw1"
    if sku == "Basic":
        yield no_charge(r, "Connection", "on a Basic gateway: its tunnels are included in the gateway's price")
        return
    if gateway is not None:
        peers = {
            c.address
            for c in ctx.referencing(gateway, TYPE, "virtual_network_gateway_id")
            if str(c.get("type") or "").lower() == "ipsec"
        } | {r.address}
        if sorted(peers, key=address_order).index(r.address) < INCLUDED_S2S:
            yield no_charge(r, "Connection", "one of the site-to-site tunnels the gateway SKU includes")
            return
    query = azure_query(
        r,
        "VPN Gateway",
        {"skuName": sku, "meterName": "S2S Connection", "type": "Consumption"},
        family="Networking",
        unit="1 Hour",
    )
    yield hourly(f"S2S tunnel ({sku})", query)


PRICER = Pricer(type=TYPE, price=_price, doc=__doc__ or "")
