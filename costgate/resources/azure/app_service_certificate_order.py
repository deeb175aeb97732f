"""azurerm_app_service_certificate_order: an App Service certificate bought from Azure.

Prices:
    SSL certificate: per year by product (`product_type` Standard or WildCard): one month is a
    twelfth of the yearly meter.
Usage keys:
    (none)
Not priced / assumptions:
    The meter (skuName "<product> SSL - 1 Year", serviceName "Azure App Service") is sold
    region-free. Auto-renewal repeats the same fee each year.
References:
    https://azure.microsoft.com/pricing/details/app-service/windows/
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from costgate.model import CostComponent, Resource
from costgate.resources.azure._common import global_query
from costgate.resources.base import Pricer, PricingContext, monthly

PRODUCTS = {"standard": "Standard", "wildcard": "Wildcard"}


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    product = PRODUCTS.get(str(r.get("product_type") or "Standard").lower(), "Standard")
    query = global_query(
        r, "Azure App Service", {"skuName": f"{product} SSL - 1 Year", "type": "Consumption"}, family="Compute"
    )
    yield monthly(f"SSL certificate ({product})", "months", 1, query, unit_multiplier=Decimal(1) / 12)


PRICER = Pricer(type="azurerm_app_service_certificate_order", price=_price, doc=__doc__ or "")
