"""aws_wafv2_web_acl: an AWS WAF web ACL.

Prices:
    Web ACL: per month.
    Rules: per rule a month: the web ACL's own rules plus the rules inside the rule groups it
    uses (usage: rule_group_rules, managed_rule_group_rules).
    Rule groups and managed rule groups: per group a month, each billed as a rule.
    Requests: per 1M requests inspected (usage: monthly_requests).
Usage keys:
    monthly_requests: web requests inspected a month.
    rule_group_rules: rules inside the custom rule groups the web ACL references.
    managed_rule_group_rules: rules inside the managed rule groups the web ACL uses.
Not priced / assumptions:
    The reference estimator counts managed rule groups with the number of custom rule groups;
    costgate counts the managed_rule_group_statement rules. Bot Control, Fraud Control and
    CAPTCHA fees, paid Marketplace rule groups and request inspection beyond the default body
    size are not priced. CLOUDFRONT-scope web ACLs are priced in the provider's region (AWS
    requires us-east-1 for them).
References:
    https://aws.amazon.com/waf/pricing/
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from costgate.model import CostComponent, Resource
from costgate.resources.aws._waf import REQUESTS_KEY, RULE_GROUP_RULES_KEY, requests, rules, web_acl
from costgate.resources.base import Pricer, PricingContext, UsageKey

USAGE = (
    REQUESTS_KEY,
    RULE_GROUP_RULES_KEY,
    UsageKey("managed_rule_group_rules", "int", "Rules inside the managed rule groups the web ACL uses"),
)


def _uses(rule: Mapping[str, Any], statement: str) -> bool:
    stmt = rule.get("statement")
    stmt = stmt[0] if isinstance(stmt, list) and stmt else stmt
    return isinstance(stmt, Mapping) and bool(stmt.get(statement))


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    all_rules = r.blocks("rule")
    groups = sum(_uses(x, "rule_group_reference_statement") for x in all_rules)
    managed = sum(_uses(x, "managed_rule_group_statement") for x in all_rules)
    own = len(all_rules) - groups - managed
    extra = sum(ctx.usage.number(k) or 0 for k in ("rule_group_rules", "managed_rule_group_rules"))
    yield web_acl(r, v2=True)
    if own + extra:
        yield rules(r, "Rules", own + extra, v2=True)
    if groups:
        yield rules(r, "Rule groups", groups, v2=True, unit="groups")
    if managed:
        yield rules(r, "Managed rule groups", managed, v2=True, unit="groups")
    yield requests(r, ctx.usage, v2=True)


PRICER = Pricer(type="aws_wafv2_web_acl", price=_price, usage_keys=USAGE, doc=__doc__ or "")
