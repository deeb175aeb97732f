"""azurerm_eventgrid_domain: an Event Grid domain (many topics under one endpoint).

Prices:
    Operations per 100,000 (usage): events published, delivery attempts, management calls
    and advanced filtering, as Azure counts them.
Usage keys:
    monthly_operations: operations a month.
Not priced / assumptions:
    The first 100,000 operations a month are free per subscription and are not subtracted.
    Event subscriptions (their deliveries count as operations here) are free resources.
    Its domain topics (azurerm_eventgrid_domain_topic) are free: their operations count here.
References:
    https://azure.microsoft.com/pricing/details/event-grid/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.azure._common import azure_query
from costgate.resources.base import Pricer, PricingContext, UsageKey, monthly

USAGE = (UsageKey("monthly_operations", "float", "Event Grid operations a month"),)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    ops = ctx.usage.number("monthly_operations")
    q = azure_query(
        r,
        "Event Grid",
        {
            "productName": "Event Grid",
            "skuName": "Standard",
            "meterName": "Standard Operations",
            "unitOfMeasure": "100K",
        },
        family="Internet of Things",
        unit="100K",
    )
    yield monthly("Operations", "100K operations", None if ops is None else ops / 100_000, q, usage_based=True)


PRICER = Pricer(type="azurerm_eventgrid_domain", price=_price, usage_keys=USAGE, doc=__doc__ or "")
