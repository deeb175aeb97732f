"""azurerm_static_web_app: an Azure Static Web App.

Prices:
    Static Web App (Standard): per app-month on the Standard plan (`sku_tier` / `sku_size`
    Standard); the Free plan costs nothing.
    Bandwidth: per GB above the 100 GB a Standard app includes each month (usage:
    monthly_bandwidth_gb).
Usage keys:
    monthly_bandwidth_gb: GB served a month.
Not priced / assumptions:
    Meters: serviceName "Azure App Service", productName "Static Web Apps", meterName
    "Standard App" and "Standard Bandwidth Usage", sold region-free. Dedicated pricing plan
    features are not priced.
References:
    https://azure.microsoft.com/pricing/details/app-service/static/
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from costgate.model import CostComponent, Resource
from costgate.resources.azure._common import global_query
from costgate.resources.base import Pricer, PricingContext, UsageKey, monthly

USAGE = (UsageKey("monthly_bandwidth_gb", "float", "GB served a month"),)
INCLUDED_GB = Decimal(100)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    if str(r.get("sku_tier") or r.get("sku_size") or "Free").lower() != "standard":
        return
    attrs = {"productName": "Static Web Apps", "skuName": "Standard", "type": "Consumption"}
    yield monthly(
        "Static Web App (Standard)",
        "months",
        1,
        global_query(r, "Azure App Service", {**attrs, "meterName": "Standard App"}, family="Compute", unit="1/Month"),
    )
    served = ctx.usage.number("monthly_bandwidth_gb")
    yield monthly(
        "Bandwidth (over 100GB)",
        "GB",
        None if served is None else max(Decimal(0), served - INCLUDED_GB),
        global_query(
            r, "Azure App Service", {**attrs, "meterName": "Standard Bandwidth Usage"}, family="Compute", unit="1 GB"
        ),
        usage_based=True,
    )


PRICER = Pricer(type="azurerm_static_web_app", price=_price, usage_keys=USAGE, doc=__doc__ or "")
