"""azurerm_network_ddos_protection_plan: a DDoS Network Protection plan.

Prices:
    DDoS Protection Plan: per hour (the monthly fee covers 100 public IP resources).
    Overage charges: per protected resource above 100, per hour (usage: overage_amount).
Usage keys:
    overage_amount: protected public IP resources above the 100 the plan includes.
Not priced / assumptions:
    One plan can protect virtual networks across subscriptions of a tenant; its fee is billed
    once, on the plan.
References:
    https://azure.microsoft.com/pricing/details/ddos-protection/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import HOURS_PER_MONTH, CostComponent, PriceQuery, Resource
from costgate.resources.azure._common import azure_query, consumption
from costgate.resources.base import Pricer, PricingContext, UsageKey, hourly, monthly

USAGE = (UsageKey("overage_amount", "int", "Protected resources above the 100 the plan includes"),)


def _meter(r: Resource, meter: str) -> PriceQuery:
    attrs = consumption({"skuName": "Network Protection", "meterName": meter}, "1 Hour")
    return azure_query(r, "Azure DDOS Protection", attrs, family="Networking", unit="1 Hour")


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    yield hourly("DDoS Protection Plan", _meter(r, "Network Protection Plan"))
    yield monthly(
        "Overage charges",
        "resources",
        ctx.usage.number("overage_amount"),
        _meter(r, "Network Protection Resource"),
        usage_based=True,
        unit_multiplier=HOURS_PER_MONTH,
    )


PRICER = Pricer(type="azurerm_network_ddos_protection_plan", price=_price, usage_keys=USAGE, doc=__doc__ or "")
