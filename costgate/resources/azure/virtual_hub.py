"""azurerm_virtual_hub: a Virtual WAN hub.

Prices:
    Deployment: per hub-hour of a Standard hub (`sku` Standard, the default).
    Data processed: per GB the hub routes (usage: monthly_data_processed_gb).
Usage keys:
    monthly_data_processed_gb: GB processed by the hub a month.
Not priced / assumptions:
    Basic hubs cost nothing. Routing infrastructure units above the two a hub includes
    (`virtual_router_auto_scale_min_capacity`) are not priced.
References:
    https://azure.microsoft.com/pricing/details/virtual-wan/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.azure._vwan import vwan_query
from costgate.resources.base import Pricer, PricingContext, UsageKey, hourly, no_charge, usage_component

USAGE = (UsageKey("monthly_data_processed_gb", "float", "GB processed by the hub a month"),)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    sku = str(r.get("sku") or "Standard").capitalize()
    if sku == "Basic":
        yield no_charge(r, "Hub", "a Basic hub has no hub charge")
        return
    yield hourly("Deployment", vwan_query(r, f"{sku} Hub", f"{sku} Hub Unit"))
    yield usage_component(
        "Data processed",
        "GB",
        ctx.usage,
        "monthly_data_processed_gb",
        vwan_query(r, f"{sku} Hub", f"{sku} Hub Data Processed", unit="1 GB"),
    )


PRICER = Pricer(type="azurerm_virtual_hub", price=_price, usage_keys=USAGE, doc=__doc__ or "")
