"""azurerm_app_configuration: an Azure App Configuration store.

Prices:
    The store per day by sku (standard, premium), once for the store and once for each
    replica (replica blocks); requests beyond the daily allowance per 10,000 (usage). The free
    sku costs nothing.
Usage keys:
    monthly_additional_requests: requests a month beyond the included 200,000 a day per replica.
Not priced / assumptions:
    The developer sku is looked up at its own meters. Priced per day, shown per hour.
References:
    https://azure.microsoft.com/pricing/details/app-configuration/
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from costgate.model import HOURS_PER_MONTH, CostComponent, PriceQuery, Resource
from costgate.resources.azure._common import PER_DAY, azure_query
from costgate.resources.base import Pricer, PricingContext, UsageKey, monthly, no_charge

USAGE = (UsageKey("monthly_additional_requests", "float", "Requests a month beyond the included ones"),)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    sku = str(r.get("sku") or "free").capitalize()
    if sku == "Free":
        yield no_charge(r, "Store", "Free tier")
        return

    def q(meter: str, unit: str) -> PriceQuery:
        return azure_query(
            r,
            "App Configuration",
            {"skuName": sku, "meterName": f"{sku} {meter}", "unitOfMeasure": unit},
            family="Developer Tools",
            unit=unit,
        )

    stores = 1 + len(r.blocks("replica"))
    yield monthly(
        f"Store ({sku}, {stores} with replicas)",
        "hours",
        HOURS_PER_MONTH * stores,
        q("Instance", "1/Day"),
        unit_multiplier=PER_DAY,
    )
    extra = ctx.usage.number("monthly_additional_requests")
    yield monthly(
        "Requests beyond the daily allowance",
        "10K requests",
        None if extra is None else extra / Decimal(10_000),
        q("Overage Operations", "10K"),
        usage_based=True,
    )


PRICER = Pricer(type="azurerm_app_configuration", price=_price, usage_keys=USAGE, doc=__doc__ or "")
