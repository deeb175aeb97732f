"""azurerm_iothub: an Azure IoT Hub.

Prices:
    Hub units per month by sku name (B1-B3, S1-S3) times sku capacity. The free F1 hub costs
    nothing.
Usage keys:
    None.
Not priced / assumptions:
    Messages are included in the units (a hub that needs more adds units). Device Provisioning
    is azurerm_iothub_dps; routes, endpoints and consumer groups are free.
References:
    https://azure.microsoft.com/pricing/details/iot-hub/
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from costgate.model import CostComponent, Resource
from costgate.resources.azure._common import azure_query
from costgate.resources.base import Pricer, PricingContext, dec, monthly, no_charge


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    sku = r.block("sku")
    name = str(sku.get("name") or "S1").upper()
    if name == "F1":
        yield no_charge(r, "Hub", "Free tier (F1)")
        return
    q = azure_query(
        r,
        "IoT Hub",
        {"skuName": name, "meterName": f"{name} Unit", "unitOfMeasure": "1/Month"},
        family="Internet of Things",
        unit="1/Month",
    )
    yield monthly(f"IoT Hub ({name})", "units", dec(sku.get("capacity")) or Decimal(1), q)


PRICER = Pricer(type="azurerm_iothub", price=_price, doc=__doc__ or "")
