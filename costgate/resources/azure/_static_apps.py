"""Azure Static Web Apps (azurerm_static_web_app and its older name azurerm_static_site).

Meters (serviceName "Azure App Service", productName "Static Web Apps", skuName "Standard"):
"Standard App" per app-month and "Standard Bandwidth Usage" per GB, whose first 100 GB a month
are included (the meter's paid tier starts at 100 GB). The Retail Prices API lists them under the
few locations a static web app can be created in (westus2, centralus, eastus2, westeurope,
eastasia), so they are asked for in the app's own location.
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.azure._common import azure_query
from costgate.resources.base import PricingContext, UsageKey, monthly, no_charge, usage_component

USAGE = (UsageKey("monthly_bandwidth_gb", "float", "GB served a month"),)


def static_app_components(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    """The Standard plan's app-month and bandwidth beyond the included 100 GB; nothing on Free."""
    if str(r.get("sku_tier") or r.get("sku_size") or "Free").lower() != "standard":
        yield no_charge(r, "Static Web App", "Free plan")
        return
    attrs = {"productName": "Static Web Apps", "skuName": "Standard", "type": "Consumption"}
    app = azure_query(r, "Azure App Service", {**attrs, "meterName": "Standard App"}, family="Compute", unit="1/Month")
    yield monthly("Static Web App (Standard)", "months", 1, app)
    served = azure_query(
        r, "Azure App Service", {**attrs, "meterName": "Standard Bandwidth Usage"}, family="Compute", unit="1 GB"
    )
    yield usage_component("Bandwidth (over 100GB)", "GB", ctx.usage, "monthly_bandwidth_gb", served)
