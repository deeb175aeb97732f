"""azurerm_redis_enterprise_cluster: an Azure Cache for Redis Enterprise or Enterprise Flash cluster.

Prices:
    Cache instances per hour: sku_name "<tier>_<size>-<capacity>" ("Enterprise_E10-2",
    "EnterpriseFlash_F300-3") runs `capacity` instances of the size.
Usage keys:
    None.
Not priced / assumptions:
    The Redis Enterprise software licence is part of Azure's instance price. Databases
    (azurerm_redis_enterprise_database) are free configuration. The product names follow Azure's
    Redis Cache listing ("Azure Redis Cache Enterprise", skuName = the size); the shipped
    catalog has none, so the line is reported unpriced with its query.
References:
    https://azure.microsoft.com/pricing/details/cache/
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from costgate.model import HOURS_PER_MONTH, CostComponent, Resource
from costgate.resources.azure._common import azure_query
from costgate.resources.base import Pricer, PricingContext, monthly

PRODUCTS = {"enterprise": "Azure Redis Cache Enterprise", "enterpriseflash": "Azure Redis Cache Enterprise Flash"}


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    sku = str(r.get("sku_name") or "Enterprise_E10-2")
    m = re.fullmatch(r"([A-Za-z]+)_([A-Za-z]+\d+)-(\d+)", sku)
    tier, size, count = (m.group(1), m.group(2), Decimal(m.group(3))) if m else (sku, sku, Decimal(1))
    product = PRODUCTS.get(tier.lower(), f"Azure Redis Cache {tier}")
    q = azure_query(
        r,
        "Redis Cache",
        {"productName": product, "skuName": size, "meterName": f"{size} Cache Instance", "unitOfMeasure": "1 Hour"},
        family="Databases",
        unit="1 Hour",
    )
    yield monthly(f"Cache instances ({sku})", "instances", count, q, unit_multiplier=HOURS_PER_MONTH)


PRICER = Pricer(type="azurerm_redis_enterprise_cluster", price=_price, doc=__doc__ or "")
