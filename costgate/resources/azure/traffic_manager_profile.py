"""azurerm_traffic_manager_profile: a Traffic Manager profile.

Prices:
    DNS queries: per million (usage: monthly_dns_queries), cheaper above one billion a month
    (the meter's tiers).
    Traffic view: per million data points processed when `traffic_view_enabled` (usage:
    monthly_traffic_view_data_points).
Usage keys:
    monthly_dns_queries: DNS queries the profile answers a month.
    monthly_traffic_view_data_points: Traffic View data points processed a month.
Not priced / assumptions:
    Endpoint health checks are priced on the endpoint resources. Meters are sold region-free.
References:
    https://azure.microsoft.com/pricing/details/traffic-manager/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.azure._common import usage_in
from costgate.resources.azure._traffic_manager import tm_query
from costgate.resources.base import Pricer, PricingContext, UsageKey

USAGE = (
    UsageKey("monthly_dns_queries", "int", "DNS queries the profile answers a month"),
    UsageKey("monthly_traffic_view_data_points", "int", "Traffic View data points processed a month"),
)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    yield usage_in(
        "DNS queries",
        "1M queries",
        ctx.usage,
        "monthly_dns_queries",
        tm_query(r, "Azure Endpoint", "DNS Queries", "1M"),
        divisor=1_000_000,
    )
    if r.get("traffic_view_enabled"):
        yield usage_in(
            "Traffic view",
            "1M data points",
            ctx.usage,
            "monthly_traffic_view_data_points",
            tm_query(r, "Traffic View", "Traffic View Data Points Processed", "1M"),
            divisor=1_000_000,
        )


PRICER = Pricer(type="azurerm_traffic_manager_profile", price=_price, usage_keys=USAGE, doc=__doc__ or "")
