"""google_monitoring_uptime_check_config: a Cloud Monitoring uptime check.

Prices:
    Uptime check executions: per execution, one per period from each checker location
    (730 h x 3,600 s / period x locations a month).
Usage keys:
    None.
Not priced / assumptions:
    period defaults to 300 s. Locations: each selected region's checkers (USA: 3, every other
    region: 1); without selected_regions the check runs from all six locations. The first million
    executions a billing account runs each month are free and not applied. The shipped catalog has
    no uptime-check rows, so executions show as not priced until `catalog refresh`.
References:
    https://cloud.google.com/stackdriver/pricing#uptime-check-pricing
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from costgate.model import HOURS_PER_MONTH, CostComponent, Resource
from costgate.resources.base import Pricer, PricingContext, dec, monthly
from costgate.resources.google._common import gcp_query

LOCATIONS = {"USA": 3, "USA_OREGON": 1, "USA_IOWA": 1, "USA_VIRGINIA": 1}
"""Checker locations per selected region (regions not listed have one)."""
ALL_LOCATIONS = 6


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    period = dec(str(r.get("period") or "300s").rstrip("s"), Decimal(300)) or Decimal(300)
    regions = r.get("selected_regions") or []
    locations = sum(LOCATIONS.get(str(x).upper(), 1) for x in regions) if regions else ALL_LOCATIONS
    executions = HOURS_PER_MONTH * 3600 / period * locations
    q = gcp_query(
        r,
        "Cloud Monitoring",
        {"resourceGroup": "UptimeCheckExecution", "usageType": "OnDemand"},
        family="Monitoring",
        unit="count",
    )
    yield monthly("Uptime check executions", "1k executions", executions / 1000, q, unit_multiplier=1000)


PRICER = Pricer(type="google_monitoring_uptime_check_config", price=_price, doc=__doc__ or "")
