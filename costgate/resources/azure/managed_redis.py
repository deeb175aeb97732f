"""azurerm_managed_redis: an Azure Managed Redis instance.

Prices:
    Cache instances per hour by sku_name ("Balanced_B3", "MemoryOptimized_M10",
    "ComputeOptimized_X10", "FlashOptimized_A700"): two with high availability (the
    default), one with high_availability_enabled = false.
Usage keys:
    None.
Not priced / assumptions:
    Geo-replication (azurerm_managed_redis_geo_replication) links caches that are priced on
    their own; data transfer between regions is not priced.
References:
    https://azure.microsoft.com/pricing/details/managed-redis/
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.azure._common import azure_query
from costgate.resources.base import Pricer, PricingContext, hourly


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    sku = str(r.get("sku_name") or "Balanced_B0")
    family, _, size = sku.partition("_")
    product = "Azure Managed Redis - " + re.sub(
        r"(?<=[a-z])(?=[A-Z])", " ", family
    )  # MemoryOptimized -> Memory Optimized
    q = azure_query(
        r,
        "Redis Cache",
        {"productName": product, "skuName": size, "meterName": f"{size} Cache Instance", "unitOfMeasure": "1 Hour"},
        family="Databases",
        unit="1 Hour",
    )
    yield hourly(f"Cache usage ({sku})", q, count=1 if r.get("high_availability_enabled") is False else 2)


PRICER = Pricer(type="azurerm_managed_redis", price=_price, doc=__doc__ or "")
