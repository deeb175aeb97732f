"""azurerm_servicebus_namespace: a Service Bus namespace (Basic, Standard, Premium).

Prices:
    Basic: messaging operations per million (usage). Standard: the base charge per hour,
    messaging operations per million beyond the included 13 million and brokered connections
    beyond the included 1,000, at Azure's volume tiers (usage). Premium: messaging units
    (capacity, default 1) per hour.
Usage keys:
    monthly_messaging_operations: messaging operations a month.
    monthly_brokered_connections: brokered connections a month (Standard).
Not priced / assumptions:
    Geo-replication and geo-disaster recovery pairing bill the paired namespace, priced on its
    own. Relay and hybrid connections are separate services.
References:
    https://azure.microsoft.com/pricing/details/service-bus/
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from costgate.model import HOURS_PER_MONTH, CostComponent, PriceQuery, Resource
from costgate.resources.azure._common import azure_query
from costgate.resources.base import Pricer, PricingContext, UsageKey, dec, monthly, usage_component

USAGE = (
    UsageKey("monthly_messaging_operations", "float", "Messaging operations a month"),
    UsageKey("monthly_brokered_connections", "float", "Brokered connections a month (Standard)"),
)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    sku = str(r.get("sku") or "Standard").capitalize()

    def q(meter: str, unit: str) -> PriceQuery:
        return azure_query(
            r,
            "Service Bus",
            {"skuName": sku, "meterName": f"{sku} {meter}", "unitOfMeasure": unit},
            family="Integration",
            unit=unit,
        )

    if sku == "Premium":
        units = dec(r.get("capacity")) or Decimal(1)
        yield monthly("Messaging units", "units", units, q("Messaging Unit", "1/Hour"), unit_multiplier=HOURS_PER_MONTH)
        return
    if sku == "Standard":
        yield monthly("Base charge", "hours", HOURS_PER_MONTH, q("Base Unit", "1/Hour"))
    ops = ctx.usage.number("monthly_messaging_operations")
    yield monthly(
        "Messaging operations",
        "1M operations",
        None if ops is None else ops / 1_000_000,
        q("Messaging Operations", "1M"),
        usage_based=True,
        split_tiers=True,
    )
    if sku == "Standard":
        yield usage_component(
            "Brokered connections",
            "connections",
            ctx.usage,
            "monthly_brokered_connections",
            q("Brokered Connection", "1"),
            split_tiers=True,
        )


PRICER = Pricer(type="azurerm_servicebus_namespace", price=_price, usage_keys=USAGE, doc=__doc__ or "")
