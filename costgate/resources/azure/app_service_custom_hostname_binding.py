"""azurerm_app_service_custom_hostname_binding: a custom host name of an App Service app.

Prices:
    IP SSL certificate: per month for an IP-based SSL binding (`ssl_state = "IpBasedEnabled"`).
Usage keys:
    (none)
Not priced / assumptions:
    SNI SSL bindings and bindings without SSL are free. Meter: serviceName "Azure App Service",
    skuName "IP SSL", in the app's region.
References:
    https://azure.microsoft.com/pricing/details/app-service/windows/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.azure._app_service import ip_ssl_binding
from costgate.resources.base import Pricer, PricingContext


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    return ip_ssl_binding(r, ctx.resolve(r, "app_service_name"))


PRICER = Pricer(type="azurerm_app_service_custom_hostname_binding", price=_price, doc=__doc__ or "")
