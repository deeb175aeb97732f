"""azurerm_network_watcher_flow_log: an NSG or virtual network flow log of Network Watcher.

Prices:
    Network logs collected: per GB (usage: monthly_logs_collected_gb), the first 5 GB a month free
    (the meter's first tier).
    Traffic Analytics data processed: per GB when `traffic_analytics.enabled`, at the 60-minute
    or, with `interval_in_minutes = 10`, the accelerated 10-minute rate (usage: the same GB).
Usage keys:
    monthly_logs_collected_gb: GB of flow logs collected a month.
Not priced / assumptions:
    The logs' storage account and the Log Analytics workspace Traffic Analytics writes to are
    priced on their own resources. Meters: serviceName "Network Watcher", meterName "Standard
    Network Logs Collected", "Standard Traffic Analytics Processing" and "Standard Traffic Analytics
    Processing at 10-Minute Interval", per GB.
References:
    https://azure.microsoft.com/pricing/details/network-watcher/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, PriceQuery, Resource
from costgate.resources.azure._common import azure_query
from costgate.resources.base import Pricer, PricingContext, UsageKey, dec, usage_component

USAGE = (UsageKey("monthly_logs_collected_gb", "float", "GB of flow logs collected a month"),)
ACCELERATED_MINUTES = 10


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    def q(meter: str) -> PriceQuery:
        return azure_query(
            r, "Network Watcher", {"meterName": meter, "type": "Consumption"}, family="Networking", unit="1 GB"
        )

    yield usage_component(
        "Network logs collected", "GB", ctx.usage, "monthly_logs_collected_gb", q("Standard Network Logs Collected")
    )
    analytics = r.block("traffic_analytics")
    if analytics.get("enabled"):
        fast = dec(analytics.get("interval_in_minutes")) == ACCELERATED_MINUTES
        meter = "Standard Traffic Analytics Processing" + (" at 10-Minute Interval" if fast else "")
        yield usage_component(
            f"Traffic Analytics data processed ({10 if fast else 60} min interval)",
            "GB",
            ctx.usage,
            "monthly_logs_collected_gb",
            q(meter),
        )


PRICER = Pricer(type="azurerm_network_watcher_flow_log", price=_price, usage_keys=USAGE, doc=__doc__ or "")
