"""azurerm_fabric_capacity: a Microsoft Fabric capacity (F SKU).

Prices:
    Capacity: per capacity unit (CU) hour, pay as you go; an F<n> SKU has n CUs (F2 = 2 CUs,
    F64 = 64; a SKU the plan leaves unknown depends on it), billed every hour the capacity runs (Retail Prices serviceName "Microsoft
    Fabric", productName "Fabric Capacity", meterName "Fabric Capacity Usage CU").
Usage keys:
    monthly_hrs: hours the capacity runs a month (paused capacities are not billed; default 730).
Not priced / assumptions:
    OneLake storage is billed per GB stored, by usage the configuration does not tell, and is
    not priced. Reserved capacity is not applied. This machine's catalog has no Fabric rows, so
    the query (no serviceFamily asked) could not be checked here and the component shows as not
    priced until `catalog refresh`.
References:
    https://azure.microsoft.com/pricing/details/microsoft-fabric/
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from costgate.model import HOURS_PER_MONTH, CostComponent, Resource
from costgate.resources.azure._common import azure_query, consumption
from costgate.resources.base import Pricer, PricingContext, UsageKey, monthly

USAGE = (UsageKey("monthly_hrs", "float", "Hours the capacity runs a month", 730),)
SKU_RE = re.compile(r"^F(\d+)$", re.IGNORECASE)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    sku = str(r.block("sku").get("name") or "F2")
    m = SKU_RE.match(sku)
    hours = ctx.usage.number("monthly_hrs")
    hours = HOURS_PER_MONTH if hours is None else hours
    attrs = consumption({"productName": "Fabric Capacity", "meterName": "Fabric Capacity Usage CU"}, "1 Hour")
    q = azure_query(r, "Microsoft Fabric", attrs, unit="1 Hour")
    cus = Decimal(m.group(1)) if m else None
    yield monthly(f"Capacity ({sku.upper()})", "CU-hours", None if cus is None else cus * hours, q)


PRICER = Pricer(type="azurerm_fabric_capacity", price=_price, usage_keys=USAGE, doc=__doc__ or "")
