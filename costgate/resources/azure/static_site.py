"""azurerm_static_site: an Azure Static Web App.

Prices:
    Static Web App (Standard): per app-month on the Standard plan (`sku_tier` / `sku_size`
    Standard); the Free plan costs nothing.
    Bandwidth: per GB served (usage: monthly_bandwidth_gb); the first 100 GB a month are included
    (the meter's paid tier starts at 100 GB, so only what is above it costs).
Usage keys:
    monthly_bandwidth_gb: GB served a month.
Not priced / assumptions:
    Meters: serviceName "Azure App Service", productName "Static Web Apps", meterName
    "Standard App" and "Standard Bandwidth Usage", in the app's location (_static_apps.py).
    Dedicated pricing plan features are not priced.
References:
    https://azure.microsoft.com/pricing/details/app-service/static/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.azure._static_apps import USAGE, static_app_components
from costgate.resources.base import Pricer, PricingContext


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    yield from static_app_components(r, ctx)


PRICER = Pricer(type="azurerm_static_site", price=_price, usage_keys=USAGE, doc=__doc__ or "")
