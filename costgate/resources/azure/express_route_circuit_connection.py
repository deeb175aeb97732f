"""azurerm_express_route_circuit_connection: an ExpressRoute Global Reach connection of two circuits.

Prices:
    Global Reach data transfer: per GB sent between the two circuits' sites (usage:
    monthly_data_transfer_gb), at the rate of the circuit's billing zone.
Usage keys:
    monthly_data_transfer_gb: GB exchanged between the connected sites a month.
Not priced / assumptions:
    Meter: serviceName "ExpressRoute", skuName "Global Reach", meterName "Global Reach Data
    Transfer" per GB (spelling not confirmed here: a miss shows as not priced). The circuits'
    own fees are priced on azurerm_express_route_circuit; a connection whose circuit peering is
    outside the plan is priced in Zone 1.
References:
    https://azure.microsoft.com/pricing/details/expressroute/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.azure._common import zone_query
from costgate.resources.base import Pricer, PricingContext, UsageKey, usage_component

USAGE = (UsageKey("monthly_data_transfer_gb", "float", "GB exchanged between the connected sites a month"),)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    peering = ctx.resolve(r, "peering_id")
    circuit = ctx.resolve(peering, "express_route_circuit_name") if peering is not None else None
    attrs = {"skuName": "Global Reach", "meterName": "Global Reach Data Transfer", "type": "Consumption"}
    yield usage_component(
        "Global Reach data transfer",
        "GB",
        ctx.usage,
        "monthly_data_transfer_gb",
        zone_query(circuit or r, "ExpressRoute", attrs, unit="1 GB", zone=None if circuit is not None else "Zone 1"),
    )


PRICER = Pricer(type="azurerm_express_route_circuit_connection", price=_price, usage_keys=USAGE, doc=__doc__ or "")
