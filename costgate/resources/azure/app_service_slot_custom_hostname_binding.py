"""azurerm_app_service_slot_custom_hostname_binding: a custom host name of an App Service deployment slot.

Prices:
    IP SSL certificate: per month for an IP-based SSL binding (`ssl_state = "IpBasedEnabled"`),
    as azurerm_app_service_custom_hostname_binding.
Usage keys:
    (none)
Not priced / assumptions:
    SNI SSL bindings and bindings without SSL are free. Meter: serviceName "Azure App Service",
    skuName "IP SSL", in the region of the slot's app (found through `slot_id` and the slot's
    `app_service_id`), else the binding's own.
References:
    https://azure.microsoft.com/pricing/details/app-service/windows/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.azure._app_service import ip_ssl_binding
from costgate.resources.base import Pricer, PricingContext


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    slot = ctx.resolve(r, "slot_id")
    app = ctx.resolve(slot, "app_service_id") if slot is not None else None
    return ip_ssl_binding(r, app or slot)


PRICER = Pricer(type="azurerm_app_service_slot_custom_hostname_binding", price=_price, doc=__doc__ or "")
