"""azurerm_powerbi_embedded: a Power BI Embedded capacity.

Prices:
    The capacity node per hour by sku_name (A1-A6).
Usage keys:
    None.
Not priced / assumptions:
    A paused capacity bills nothing; the capacity is counted as running all month.
References:
    https://azure.microsoft.com/pricing/details/power-bi-embedded/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.azure._common import azure_query
from costgate.resources.base import Pricer, PricingContext, hourly


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    sku = str(r.get("sku_name") or "A1").upper()
    q = azure_query(
        r,
        "Power BI Embedded",
        {"skuName": sku, "meterName": f"{sku} Node", "unitOfMeasure": "1 Hour"},
        family="Analytics",
        unit="1 Hour",
    )
    yield hourly(f"Node usage ({sku})", q)


PRICER = Pricer(type="azurerm_powerbi_embedded", price=_price, doc=__doc__ or "")
