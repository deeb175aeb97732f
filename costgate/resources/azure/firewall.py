"""azurerm_firewall: an Azure Firewall.

Prices:
    Deployment: per hour by tier (`sku_tier` Basic, Standard, Premium); a firewall in a Virtual
    WAN hub (`virtual_hub` block) bills the secured virtual hub meters.
    Data processed: per GB (usage: monthly_data_processed_gb).
Usage keys:
    monthly_data_processed_gb: GB the firewall processes a month.
Not priced / assumptions:
    Its public IPs are priced on azurerm_public_ip; a policy shared by several firewalls on
    azurerm_firewall_policy.
References:
    https://azure.microsoft.com/pricing/details/azure-firewall/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, PriceQuery, Resource
from costgate.resources.azure._common import azure_query
from costgate.resources.base import Pricer, PricingContext, UsageKey, hourly, usage_component

USAGE = (UsageKey("monthly_data_processed_gb", "float", "GB the firewall processes a month"),)


def _q(r: Resource, tier: str, meter: str, unit: str) -> PriceQuery:
    return azure_query(
        r,
        "Azure Firewall",
        {"skuName": tier, "meterName": meter, "type": "Consumption"},
        family="Networking",
        unit=unit,
    )


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    tier = str(r.get("sku_tier") or "Standard").capitalize()
    if r.blocks("virtual_hub"):
        tier = "Standard Secure Virtual Hub" if tier == "Standard" else f"{tier} Secured Virtual Hub"
    yield hourly(f"Deployment ({tier})", _q(r, tier, f"{tier} Deployment", "1 Hour"))
    yield usage_component(
        "Data processed", "GB", ctx.usage, "monthly_data_processed_gb", _q(r, tier, f"{tier} Data Processed", "1 GB")
    )


PRICER = Pricer(type="azurerm_firewall", price=_price, usage_keys=USAGE, doc=__doc__ or "")
