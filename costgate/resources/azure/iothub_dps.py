"""azurerm_iothub_dps: an IoT Hub Device Provisioning Service.

Prices:
    Provisioning operations per 1,000 (usage) at the sku (S1).
Usage keys:
    monthly_operations: device registrations and other operations a month.
Not priced / assumptions:
    The linked IoT hubs are priced on their own.
References:
    https://azure.microsoft.com/pricing/details/iot-hub/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.azure._common import azure_query
from costgate.resources.base import Pricer, PricingContext, UsageKey, monthly

USAGE = (UsageKey("monthly_operations", "float", "Device provisioning operations a month"),)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    name = str(r.block("sku").get("name") or "S1").upper()
    ops = ctx.usage.number("monthly_operations")
    q = azure_query(
        r,
        "IoT Hub",
        {"skuName": name, "meterName": f"{name} Operations", "unitOfMeasure": "1K"},
        family="Internet of Things",
        unit="1K",
    )
    yield monthly("Device provisioning", "1K operations", None if ops is None else ops / 1000, q, usage_based=True)


PRICER = Pricer(type="azurerm_iothub_dps", price=_price, usage_keys=USAGE, doc=__doc__ or "")
