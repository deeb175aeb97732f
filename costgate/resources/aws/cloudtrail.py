"""aws_cloudtrail: a CloudTrail trail.

Prices:
    Management events (additional copies): per 100k management events a trail delivers beyond the
    region's free first copy (usage: monthly_additional_management_events); shown when the trail
    logs management events.
    Data events: per 100k data events recorded (usage: monthly_data_events).
    Insight events: per 100k events analyzed, when the trail has insight_selector blocks
    (usage: monthly_insight_events).
Usage keys:
    monthly_additional_management_events: management events a month delivered as a paid copy.
    monthly_data_events: data events (S3 object, Lambda invoke, ...) recorded a month.
    monthly_insight_events: events analyzed by CloudTrail Insights a month (all insight types).
Not priced / assumptions:
    The first copy of management events in each region is free, and a plan cannot tell whether a
    trail is that first copy: the management-event component depends on usage, never assumed.
    Log storage in S3, SNS notifications, CloudWatch Logs delivery and KMS requests are billed by
    those services; CloudTrail Lake event data stores are not priced here.
References:
    https://aws.amazon.com/cloudtrail/pricing/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.aws._common import aws_query
from costgate.resources.aws._usagetype import regional_ut
from costgate.resources.base import Pricer, PricingContext, UsageKey, usage_component

USAGE = (
    UsageKey(
        "monthly_additional_management_events",
        "float",
        "Management events delivered as a paid (additional) copy a month",
    ),
    UsageKey("monthly_data_events", "float", "Data events recorded a month"),
    UsageKey("monthly_insight_events", "float", "Events analyzed by CloudTrail Insights a month"),
)
FAMILY = "Management Tools - AWS CloudTrail "
PER = 100_000


def _logs_management_events(r: Resource) -> bool:
    selectors = r.blocks("event_selector")
    if r.blocks("advanced_event_selector"):
        return any("Management" in str(s) for s in r.blocks("advanced_event_selector"))
    return not selectors or any(s.get("include_management_events", True) is not False for s in selectors)


def _events(r: Resource, ctx: PricingContext, name: str, key: str, family: str, suffix: str) -> CostComponent:
    query = aws_query(r, "AWSCloudTrail", FAMILY + family, {"usagetype": regional_ut(r, suffix)}, unit="Events")
    return usage_component(name, "100k events", ctx.usage, key, query, per=PER)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    if _logs_management_events(r) or ctx.usage.number("monthly_additional_management_events") is not None:
        yield _events(
            r,
            ctx,
            "Management events (additional copies)",
            "monthly_additional_management_events",
            "Paid Events Recorded",
            "PaidEventsRecorded",
        )
    yield _events(r, ctx, "Data events", "monthly_data_events", "Data Events Recorded", "DataEventsRecorded")
    if r.blocks("insight_selector") or ctx.usage.number("monthly_insight_events") is not None:
        yield _events(r, ctx, "Insight events", "monthly_insight_events", "Insights Events", "InsightsEvents")


PRICER = Pricer(type="aws_cloudtrail", price=_price, usage_keys=USAGE, doc=__doc__ or "")
