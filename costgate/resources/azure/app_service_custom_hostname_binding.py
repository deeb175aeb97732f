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
from costgate.resources.azure._common import azure_query
from costgate.resources.base import Pricer, PricingContext, monthly, no_charge


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    if not str(r.get("ssl_state") or "").upper().startswith("IP"):
        yield no_charge(r, "Hostname binding", "no IP-based SSL: custom hostnames and SNI SSL bindings have no charge")
        return
    app = ctx.resolve(r, "app_service_name")
    query = azure_query(
        app or r, "Azure App Service", {"skuName": "IP SSL", "type": "Consumption"}, family="Compute", unit="1/Month"
    )
    yield monthly("IP SSL certificate", "months", 1, query)


PRICER = Pricer(type="azurerm_app_service_custom_hostname_binding", price=_price, doc=__doc__ or "")
