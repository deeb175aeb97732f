"""aws_cloudwatch_contributor_insight_rule: a Contributor Insights rule over CloudWatch log groups.

Prices:
    Contributor Insights rule: per rule a month while rule_state is ENABLED (the default)
    (AmazonCloudWatch, family Contributor Insights, group Rule-CloudWatchLog, usagetype
    CW:ContributorInsightRules).
    Log events matched: per million log events the rule matches (usage: monthly_matched_events;
    group Event-CloudWatchLog, usagetype CW:ContributorInsightEvents).
Usage keys:
    monthly_matched_events: log events the rule matches a month.
Not priced / assumptions:
    A DISABLED rule bills nothing: its rule line has quantity 0 and says "(disabled)". The free tier (one rule and a million
    matched events a month per account) is not deducted.
References:
    https://aws.amazon.com/cloudwatch/pricing/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.aws._common import aws_query, ut
from costgate.resources.base import Pricer, PricingContext, UsageKey, monthly, usage_component

USAGE = (UsageKey("monthly_matched_events", "float", "Log events the rule matches a month"),)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    enabled = str(r.get("rule_state") or "ENABLED").upper() == "ENABLED"
    rule = {"group": "Rule-CloudWatchLog", "usagetype": ut(r, "CW:ContributorInsightRules")}
    query = aws_query(r, "AmazonCloudWatch", "Contributor Insights", rule, unit="rule")
    yield monthly(f"Contributor Insights rule{'' if enabled else ' (disabled)'}", "rules", int(enabled), query)
    if not enabled:
        return
    events = {"group": "Event-CloudWatchLog", "usagetype": ut(r, "CW:ContributorInsightEvents")}
    query = aws_query(r, "AmazonCloudWatch", None, events, unit="Events")
    yield usage_component("Log events matched", "1M events", ctx.usage, "monthly_matched_events", query, per=1_000_000)


PRICER = Pricer(type="aws_cloudwatch_contributor_insight_rule", price=_price, usage_keys=USAGE, doc=__doc__ or "")
