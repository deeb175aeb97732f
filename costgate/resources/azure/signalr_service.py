"""azurerm_signalr_service: an Azure SignalR Service instance.

Prices:
    Units (sku capacity) per day, shown per month; messages beyond each unit's included
    million a day, per million (usage). Free_F1: nothing.
Usage keys:
    monthly_additional_messages: messages a month beyond the included ones.
Not priced / assumptions:
    Standard_S1 and Premium_P1 are the catalog's "Standard" and "Premium" meters; other sizes
    (Premium_P2) are looked up by their own name and reported unpriced until the catalog has
    them. Replicas in other regions are not priced.
References:
    https://azure.microsoft.com/pricing/details/signalr-service/
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from costgate.model import HOURS_PER_MONTH, CostComponent, PriceQuery, Resource
from costgate.resources.azure._common import azure_query
from costgate.resources.base import Pricer, PricingContext, UsageKey, dec, monthly, no_charge

TIERS = {"Free_F1": "Free", "Standard_S1": "Standard", "Premium_P1": "Premium"}
USAGE = (UsageKey("monthly_additional_messages", "float", "Messages a month beyond the included ones"),)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    sku = r.block("sku")
    name = str(sku.get("name") or "Free_F1")
    tier = TIERS.get(name, name.replace("_", " "))
    if tier == "Free":
        yield no_charge(r, "Service", "Free tier (Free_F1)")
        return
    units = dec(sku.get("capacity")) or Decimal(1)

    def q(meter: str, unit: str) -> PriceQuery:
        return azure_query(
            r,
            "SignalR",
            {"productName": "SignalR", "skuName": tier, "meterName": f"{tier} {meter}", "unitOfMeasure": unit},
            family="Analytics",
            unit=unit,
        )

    yield monthly(f"Service usage ({tier})", "units", units, q("Unit", "1/Day"), unit_multiplier=HOURS_PER_MONTH / 24)
    extra = ctx.usage.number("monthly_additional_messages")
    yield monthly(
        f"Additional messages ({tier})",
        "1M messages",
        None if extra is None else extra / 1_000_000,
        q("Message", "1M"),
        usage_based=True,
    )


PRICER = Pricer(type="azurerm_signalr_service", price=_price, usage_keys=USAGE, doc=__doc__ or "")
