"""google_cloud_tasks_queue: a Cloud Tasks queue.

Prices:
    Operations: per million billable operations (API calls and push delivery attempts) (usage).
Usage keys:
    monthly_operations: billable operations a month.
Not priced / assumptions:
    The first million operations a billing account makes each month are free and not applied.
    Operations are counted in 32 KB chunks. The shipped catalog has no Cloud Tasks rows: not
    priced until `catalog refresh`.
References:
    https://cloud.google.com/tasks/pricing
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.base import Pricer, PricingContext, UsageKey, usage_component
from costgate.resources.google._common import gcp_query

USAGE = (UsageKey("monthly_operations", "float", "Billable operations a month"),)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    q = gcp_query(
        r,
        "Cloud Tasks",
        {"resourceGroup": "Operations", "usageType": "OnDemand"},
        family="ApplicationServices",
        unit="count",
    )
    yield usage_component("Operations", "1M operations", ctx.usage, "monthly_operations", q, per=1_000_000)


PRICER = Pricer(type="google_cloud_tasks_queue", price=_price, usage_keys=USAGE, doc=__doc__ or "")
