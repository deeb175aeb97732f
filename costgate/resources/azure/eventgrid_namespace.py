"""azurerm_eventgrid_namespace: an Event Grid namespace (MQTT broker, pull delivery).

Prices:
    Throughput units (capacity, default 1) per hour; operations per million (usage).
Usage keys:
    monthly_operations: events, MQTT messages and other operations a month.
Not priced / assumptions:
    MQTT sessions above the throughput units' allowance are not priced. Topics and
    subscriptions of the namespace are free configuration.
References:
    https://azure.microsoft.com/pricing/details/event-grid/
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from costgate.model import CostComponent, PriceQuery, Resource
from costgate.resources.azure._common import azure_query
from costgate.resources.base import Pricer, PricingContext, UsageKey, dec, hourly, monthly

USAGE = (UsageKey("monthly_operations", "float", "Namespace operations a month"),)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    def q(meter: str, unit: str) -> PriceQuery:
        return azure_query(
            r,
            "Event Grid",
            {"productName": "Event Grid Namespace", "skuName": "Standard", "meterName": meter, "unitOfMeasure": unit},
            family="Internet of Things",
            unit=unit,
        )

    units = dec(r.get("capacity")) or Decimal(1)
    yield hourly("Throughput units", q("Standard Throughput Unit", "1 Hour"), count=units)
    ops = ctx.usage.number("monthly_operations")
    yield monthly(
        "Operations",
        "1M operations",
        None if ops is None else ops / 1_000_000,
        q("Standard Operations", "1M"),
        usage_based=True,
    )


PRICER = Pricer(type="azurerm_eventgrid_namespace", price=_price, usage_keys=USAGE, doc=__doc__ or "")
