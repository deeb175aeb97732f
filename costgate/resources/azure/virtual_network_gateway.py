"""azurerm_virtual_network_gateway: a VPN or ExpressRoute virtual network gateway.

Prices:
    VPN gateway: per hour by SKU (`sku` Basic, VpnGw1-5, VpnGw1AZ-5AZ).
    ExpressRoute gateway (`type = "ExpressRoute"`): per hour by SKU (Standard, HighPerformance,
    UltraPerformance, ErGw1AZ-3AZ).
    P2S tunnels: per tunnel-hour above the 128 a VPN gateway includes (usage: p2s_connection).
    Data transfer: VPN traffic to other virtual networks, per GB (usage: monthly_data_transfer_gb).
Usage keys:
    p2s_connection: point-to-site connections the gateway serves.
    monthly_data_transfer_gb: GB sent to other virtual networks a month.
Not priced / assumptions:
    Site-to-site tunnels are priced on azurerm_virtual_network_gateway_connection. Data transfer
    meters are sold per billing zone (the gateway's). Its public IP is priced on
    azurerm_public_ip.
References:
    https://azure.microsoft.com/pricing/details/vpn-gateway/
    https://azure.microsoft.com/pricing/details/expressroute/
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from costgate.model import HOURS_PER_MONTH, CostComponent, Resource
from costgate.resources.azure._common import azure_query, zone_query
from costgate.resources.base import Pricer, PricingContext, UsageKey, hourly, monthly, usage_component

USAGE = (
    UsageKey("p2s_connection", "int", "Point-to-site connections the gateway serves"),
    UsageKey("monthly_data_transfer_gb", "float", "GB sent to other virtual networks a month"),
)
INCLUDED_P2S = Decimal(128)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    sku = str(r.get("sku") or "Basic")
    if str(r.get("type") or "Vpn").lower() == "expressroute":
        attrs = {"productName": "ExpressRoute Gateway", "meterName": sku, "type": "Consumption"}
        yield hourly(
            f"ExpressRoute gateway ({sku})", azure_query(r, "ExpressRoute", attrs, family="Networking", unit="1 Hour")
        )
        return
    meter = "Basic Gateway" if sku == "Basic" else sku
    yield hourly(
        f"VPN gateway ({sku})",
        azure_query(r, "VPN Gateway", {"meterName": meter, "type": "Consumption"}, family="Networking", unit="1 Hour"),
    )
    if sku != "Basic":
        tunnels = ctx.usage.number("p2s_connection")
        extra = None if tunnels is None else max(Decimal(0), tunnels - INCLUDED_P2S)
        query = azure_query(
            r,
            "VPN Gateway",
            {"skuName": sku, "meterName": "P2S Connection", "type": "Consumption"},
            family="Networking",
            unit="1 Hour",
        )
        yield monthly(
            "VPN gateway P2S tunnels (over 128)",
            "tunnels",
            extra,
            query,
            usage_based=True,
            unit_multiplier=HOURS_PER_MONTH,
        )
    bandwidth = {
        "productName": "VPN Gateway Bandwidth",
        "meterName": "Inter-Virtual Network Data Transfer Out",
        "type": "Consumption",
    }
    yield usage_component(
        "VPN gateway data transfer",
        "GB",
        ctx.usage,
        "monthly_data_transfer_gb",
        zone_query(r, "VPN Gateway", bandwidth, unit="1 GB"),
    )


PRICER = Pricer(type="azurerm_virtual_network_gateway", price=_price, usage_keys=USAGE, doc=__doc__ or "")
