"""WAF (v2) and WAF Classic web ACL components: web ACL month, rules, requests (awswaf)."""

from __future__ import annotations

from decimal import Decimal

from costgate.model import CostComponent, PriceQuery, Resource
from costgate.resources.aws._common import aws_query
from costgate.resources.aws._usagetype import regional_ut
from costgate.resources.base import Usage, UsageKey, monthly, usage_component

REQUESTS_KEY = UsageKey("monthly_requests", "int", "Web requests inspected a month")
RULE_GROUP_RULES_KEY = UsageKey("rule_group_rules", "int", "Rules inside the rule groups the web ACL uses")


def _q(r: Resource, suffix: str, unit: str) -> PriceQuery:
    return aws_query(r, "awswaf", "Web Application Firewall", {"usagetype": regional_ut(r, suffix)}, unit=unit)


def web_acl(r: Resource, v2: bool) -> CostComponent:
    """The web ACL's monthly fee."""
    return monthly("Web ACL", "months", 1, _q(r, "WebACLV2" if v2 else "WebACL", "Mo"))


def rules(r: Resource, name: str, count: Decimal | int, v2: bool, unit: str = "rules") -> CostComponent:
    """Rules (or rule groups, billed as rules) a month."""
    return monthly(name, unit, count, _q(r, "RuleV2" if v2 else "Rule", "Mo"))


def requests(r: Resource, usage: Usage, v2: bool) -> CostComponent:
    """Requests inspected, per 1M (usage: monthly_requests)."""
    return usage_component(
        "Requests",
        "1M requests",
        usage,
        REQUESTS_KEY.name,
        _q(r, "RequestV2-Tier1" if v2 else "Request", "Requests"),
        per=1_000_000,
    )
