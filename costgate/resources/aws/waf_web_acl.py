"""aws_waf_web_acl: an AWS WAF Classic (global, CloudFront) web ACL.

Prices:
    Web ACL: per month.
    Rules: per rule a month: the web ACL's REGULAR and RATE_BASED rules plus the rules inside the
    rule groups it uses (usage: rule_group_rules).
    Rule groups: per GROUP rule a month, billed as a rule.
    Requests: per 1M requests inspected (usage: monthly_requests).
Usage keys:
    monthly_requests: web requests inspected a month.
    rule_group_rules: rules inside the rule groups the web ACL uses.
Not priced / assumptions:
    Priced in the provider's region (WAF Classic global web ACLs are managed from us-east-1).
    Marketplace rule groups are not priced.
References:
    https://aws.amazon.com/waf/pricing/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.aws._waf import REQUESTS_KEY, RULE_GROUP_RULES_KEY, requests, rules, web_acl
from costgate.resources.base import Pricer, PricingContext

USAGE = (REQUESTS_KEY, RULE_GROUP_RULES_KEY)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    all_rules = r.blocks("rules")
    groups = sum(str(x.get("type", "REGULAR")).upper() == "GROUP" for x in all_rules)
    own = len(all_rules) - groups + (ctx.usage.number("rule_group_rules") or 0)
    yield web_acl(r, v2=False)
    if own:
        yield rules(r, "Rules", own, v2=False)
    if groups:
        yield rules(r, "Rule groups", groups, v2=False, unit="groups")
    yield requests(r, ctx.usage, v2=False)


PRICER = Pricer(type="aws_waf_web_acl", price=_price, usage_keys=USAGE, doc=__doc__ or "")
