"""azurerm_express_route_circuit: an ExpressRoute circuit.

Prices:
    Circuit: per month by tier and data plan (`sku.tier` Local, Standard, Premium; `sku.family`
    MeteredData or UnlimitedData) and bandwidth (`bandwidth_in_mbps`, or `bandwidth_in_gbps` on
    ExpressRoute Direct ports).
    Outbound data transfer: metered circuits, per GB in the circuit's billing zone (usage:
    monthly_outbound_data_gb).
Usage keys:
    monthly_outbound_data_gb: GB sent from Azure over a metered circuit a month.
Not priced / assumptions:
    Meters: serviceName "ExpressRoute", skuName "<tier> <Metered|Unlimited> Data", meterName
    "<bandwidth> Circuit" ("50 Mbps Circuit", "1 Gbps Circuit") and "<tier> Metered Data Data
    Transfer Out"; their spelling is not confirmed against the price list here, so a miss shows as
    not priced. Circuits on an ExpressRoute Direct port (`express_route_port_id`) have no circuit
    fee of their own (the port pair is billed). The connectivity provider's charges are outside
    Azure's bill. Global Reach is not priced.
References:
    https://azure.microsoft.com/pricing/details/expressroute/
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from costgate.model import CostComponent, Resource
from costgate.resources.azure._common import azure_query, zone_query
from costgate.resources.base import Pricer, PricingContext, UsageKey, dec, monthly, usage_component

USAGE = (UsageKey("monthly_outbound_data_gb", "float", "GB sent from Azure over a metered circuit a month"),)


def _bandwidth(r: Resource) -> str | None:
    mbps, gbps = dec(r.get("bandwidth_in_mbps")), dec(r.get("bandwidth_in_gbps"))
    if gbps is None and mbps is not None and mbps >= 1000:
        gbps = mbps / 1000
    if gbps is not None:
        return f"{gbps.normalize():f} Gbps"
    return None if mbps is None else f"{mbps.normalize():f} Mbps"


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    sku = r.block("sku")
    tier = str(sku.get("tier") or "Standard").capitalize()
    metered = str(sku.get("family") or "MeteredData").lower() == "metereddata"
    plan = f"{tier} {'Metered' if metered else 'Unlimited'} Data"
    bandwidth = _bandwidth(r)
    if bandwidth and not r.get("express_route_port_id") and "express_route_port_id" not in r.refs:
        query = azure_query(
            r,
            "ExpressRoute",
            {"skuName": plan, "meterName": f"{bandwidth} Circuit", "type": "Consumption"},
            family="Networking",
            unit="1/Month",
        )
        yield monthly(f"Circuit ({plan}, {bandwidth})", "months", Decimal(1), query)
    if metered:
        query = zone_query(
            r,
            "ExpressRoute",
            {"skuName": plan, "meterName": f"{plan} Data Transfer Out", "type": "Consumption"},
            unit="1 GB",
        )
        yield usage_component("Outbound data transfer", "GB", ctx.usage, "monthly_outbound_data_gb", query)


PRICER = Pricer(type="azurerm_express_route_circuit", price=_price, usage_keys=USAGE, doc=__doc__ or "")
