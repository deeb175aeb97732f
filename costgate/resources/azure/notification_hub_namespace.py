"""azurerm_notification_hub_namespace: a Notification Hubs namespace (Free, Basic, Standard).

Prices:
    Basic and Standard: the namespace per month and pushes per million beyond the included
    10 million, at Azure's volume tiers (usage). Free: nothing.
Usage keys:
    monthly_pushes: pushes sent a month.
Not priced / assumptions:
    Active devices beyond a tier's limit are not counted.
References:
    https://azure.microsoft.com/pricing/details/notification-hubs/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, PriceQuery, Resource
from costgate.resources.azure._common import azure_query
from costgate.resources.base import Pricer, PricingContext, UsageKey, monthly, no_charge

USAGE = (UsageKey("monthly_pushes", "float", "Pushes sent a month"),)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    sku = str(r.get("sku_name") or "Free").capitalize()
    if sku == "Free":
        yield no_charge(r, "Namespace", "Free tier")
        return

    def q(meter: str, unit: str) -> PriceQuery:
        return azure_query(
            r,
            "Notification Hubs",
            {"productName": "Notification Hubs", "skuName": sku, "meterName": f"{sku} {meter}", "unitOfMeasure": unit},
            unit=unit,
        )

    yield monthly(f"Namespace usage ({sku})", "months", 1, q("Unit", "1/Month"))
    pushes = ctx.usage.number("monthly_pushes")
    yield monthly(
        "Pushes",
        "1M pushes",
        None if pushes is None else pushes / 1_000_000,
        q("Pushes", "1M"),
        usage_based=True,
        split_tiers=True,
    )


PRICER = Pricer(type="azurerm_notification_hub_namespace", price=_price, usage_keys=USAGE, doc=__doc__ or "")
