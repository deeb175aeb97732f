"""azurerm_app_service_environment: an App Service Environment v2 (retired by Azure in 2024).

Prices:
    Stamp fee: per hour the environment exists (skuName "Stamp" of the Isolated plan product).
    Instance usage: one instance-hour of the `pricing_tier` (I1 default) the reference estimator
    adds for the environment's front end.
Usage keys:
    operating_system: linux (default) or windows: which Isolated plan product prices the stamp.
Not priced / assumptions:
    Workers are billed on the environment's App Service plans (azurerm_app_service_plan /
    azurerm_service_plan).
References:
    https://azure.microsoft.com/pricing/details/app-service/windows/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, PriceQuery, Resource
from costgate.resources.azure._common import azure_query, consumption
from costgate.resources.base import Pricer, PricingContext, UsageKey, hourly

USAGE = (UsageKey("operating_system", "str", "linux or windows: the Isolated plan product of the stamp", "linux"),)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    linux = str(ctx.usage.text("operating_system") or "linux").lower() == "linux"
    product = "Azure App Service Isolated Plan" + (" - Linux" if linux else "")
    tier = str(r.get("pricing_tier") or "I1").upper()

    def q(sku: str) -> PriceQuery:
        return azure_query(
            r,
            "Azure App Service",
            consumption({"productName": product, "skuName": sku}, "1 Hour"),
            family="Compute",
            unit="1 Hour",
        )

    yield hourly(f"Instance usage ({tier})", q(tier))
    yield hourly("Stamp fee", q("Stamp"))


PRICER = Pricer(type="azurerm_app_service_environment", price=_price, usage_keys=USAGE, doc=__doc__ or "")
