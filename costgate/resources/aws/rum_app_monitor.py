"""aws_rum_app_monitor: a CloudWatch RUM app monitor, billed per RUM event collected.

Prices:
    RUM events: per 100,000 events collected (usage: monthly_events; AmazonCloudWatch, group
    CW-RUM, usagetype CW:RUM-events).
Usage keys:
    monthly_events: RUM events collected a month (page views, errors, performance events).
Not priced / assumptions:
    Events depend on traffic and app_monitor_configuration.session_sample_rate: the component
    depends on usage. Logs kept in CloudWatch Logs (cw_log_enabled) and X-Ray traces are billed
    by those services. The free tier (1 million events once per account) is not deducted.
References:
    https://aws.amazon.com/cloudwatch/pricing/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.aws._common import aws_query, ut
from costgate.resources.base import Pricer, PricingContext, UsageKey, usage_component

USAGE = (UsageKey("monthly_events", "float", "RUM events collected a month"),)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    attrs = {"group": "CW-RUM", "usagetype": ut(r, "CW:RUM-events")}
    query = aws_query(r, "AmazonCloudWatch", None, attrs, unit="Events")
    yield usage_component("RUM events", "100k events", ctx.usage, "monthly_events", query, per=100_000)


PRICER = Pricer(type="aws_rum_app_monitor", price=_price, usage_keys=USAGE, doc=__doc__ or "")
