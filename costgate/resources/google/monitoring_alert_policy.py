"""google_monitoring_alert_policy: a Cloud Monitoring alerting policy.

Prices:
    Alert conditions: per condition-month (each `conditions` block).
    Time series returned: per million time series the conditions' queries return (usage).
Usage keys:
    monthly_time_series: time series the policy's queries return a month.
Not priced / assumptions:
    Google bills alerting per condition and per time series queried (from 2026). The shipped
    catalog has no alerting rows, so both show as not priced until `catalog refresh`; they are
    never counted as $0. Notifications are free.
References:
    https://cloud.google.com/stackdriver/pricing#alerting-pricing
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.base import Pricer, PricingContext, UsageKey, monthly, usage_component
from costgate.resources.google._common import gcp_query

USAGE = (UsageKey("monthly_time_series", "float", "Time series the policy's queries return a month"),)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    conditions = max(1, len(r.blocks("conditions")))
    q = gcp_query(
        r,
        "Cloud Monitoring",
        {"resourceGroup": "AlertingCondition", "usageType": "OnDemand"},
        family="Monitoring",
        unit="mo",
    )
    yield monthly("Alert conditions", "conditions", conditions, q)
    q = gcp_query(
        r,
        "Cloud Monitoring",
        {"resourceGroup": "AlertingTimeSeries", "usageType": "OnDemand"},
        family="Monitoring",
        unit="count",
    )
    yield usage_component("Time series returned", "1M time series", ctx.usage, "monthly_time_series", q, per=1_000_000)


PRICER = Pricer(type="google_monitoring_alert_policy", price=_price, usage_keys=USAGE, doc=__doc__ or "")
