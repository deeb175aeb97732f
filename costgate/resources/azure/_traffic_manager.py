"""Traffic Manager meters, sold region-free ("Global"), shared by profiles and endpoints.

Endpoints bill health checks per endpoint-month: Azure endpoints (Azure resources and nested
profiles) at the "Azure Endpoint" rates, external endpoints at the "Non-Azure Endpoint"
rates, plus a fast-interval add-on when the profile probes every 10 seconds. Both are priced
per endpoint-month and counted by the hour (730 a month), as Azure prorates them.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from costgate.model import HOURS_PER_MONTH, CostComponent, PriceQuery, Resource
from costgate.resources.azure._common import global_query
from costgate.resources.base import PricingContext, dec, monthly

FAST_INTERVAL_SECONDS = 10


def tm_query(r: Resource, sku: str, meter: str, unit: str) -> PriceQuery:
    """A Traffic Manager meter."""
    attrs = {
        "productName": "Traffic Manager",
        "skuName": sku,
        "meterName": meter,
        "type": "Consumption",
        "unitOfMeasure": unit,
    }
    return global_query(r, "Traffic Manager", attrs, unit=unit)


PER_MONTH_BY_HOUR = Decimal(1) / HOURS_PER_MONTH
"""Unit multiplier of an hourly component whose meter is priced per endpoint-month: Azure prorates
the month by the hour an endpoint exists, so it is counted in hours (730 a month)."""


def _per_hour(name: str, query: PriceQuery) -> CostComponent:
    return monthly(name, "hours", HOURS_PER_MONTH, query, unit_multiplier=PER_MONTH_BY_HOUR)


def endpoint_components(
    r: Resource, ctx: PricingContext, sku: str, profile_attr: str = "profile_id"
) -> Iterator[CostComponent]:
    """Health checks of one endpoint, and the fast-interval add-on its profile (referenced by
    `profile_attr`) may ask for."""
    yield _per_hour("Basic health check", tm_query(r, sku, f"{sku} Health Checks", "1"))
    profile = ctx.resolve(r, profile_attr)
    interval = dec(profile.block("monitor_config").get("interval_in_seconds")) if profile is not None else None
    if interval == FAST_INTERVAL_SECONDS:
        yield _per_hour(
            "Fast interval health checks add-on", tm_query(r, sku, f"{sku} Fast Interval Health Check Add-ons", "1")
        )
