"""azurerm_relay_namespace: an Azure Relay namespace (hybrid connections, WCF relays).

Prices:
    Hybrid connection listener hours and messages per 10,000 (usage).
Usage keys:
    monthly_listener_hours: hours listeners are connected a month (each listener counts).
    monthly_messages: messages (64 KB each) a month.
Not priced / assumptions:
    WCF relay hours are priced as listener hours. Hybrid connections and authorization rules
    are free configuration of the namespace.
References:
    https://azure.microsoft.com/pricing/details/service-bus/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, PriceQuery, Resource
from costgate.resources.azure._common import azure_query
from costgate.resources.base import Pricer, PricingContext, UsageKey, monthly, usage_component

USAGE = (
    UsageKey("monthly_listener_hours", "float", "Listener hours a month"),
    UsageKey("monthly_messages", "float", "Relay messages a month"),
)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    def q(meter: str, unit: str) -> PriceQuery:
        return azure_query(
            r,
            "Service Bus",
            {"skuName": "Standard", "meterName": meter, "unitOfMeasure": unit},
            family="Integration",
            unit=unit,
        )

    yield usage_component(
        "Listener hours",
        "hours",
        ctx.usage,
        "monthly_listener_hours",
        q("Standard Hybrid Connection Listener Unit", "1 Hour"),
    )
    messages = ctx.usage.number("monthly_messages")
    yield monthly(
        "Messages",
        "10K messages",
        None if messages is None else messages / 10_000,
        q("Standard Hybrid Connection Data Transfer", "10K"),
        usage_based=True,
    )


PRICER = Pricer(type="azurerm_relay_namespace", price=_price, usage_keys=USAGE, doc=__doc__ or "")
