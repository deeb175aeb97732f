"""google_compute_security_policy: a Cloud Armor security policy (Standard tier).

Also prices google_compute_region_security_policy (a regional policy, billed alike).

Prices:
    Policy: per policy-month. Rules: per rule-month (the policy's rule blocks; at least the
    default rule). Requests: per million requests evaluated (usage).
Usage keys:
    monthly_requests: requests the policy evaluates a month.
Not priced / assumptions:
    Cloud Armor Enterprise subscriptions are not priced. The shipped catalog has no Cloud Armor
    rows, so the components show as not priced until `catalog refresh`.
References:
    https://cloud.google.com/armor/pricing
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.base import Pricer, PricingContext, UsageKey, monthly, usage_component
from costgate.resources.google._common import compute_query

USAGE = (UsageKey("monthly_requests", "float", "Requests the policy evaluates a month"),)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    policy = {"armorComponent": "policy", "resourceGroup": "CloudArmor"}
    yield monthly("Security policy", "months", 1, compute_query(r, "Network", policy, "mo"))
    rules = max(1, len(r.blocks("rule")))
    yield monthly(
        "Rules",
        "rules",
        rules,
        compute_query(r, "Network", {"armorComponent": "rule", "resourceGroup": "CloudArmor"}, "mo"),
    )
    q = compute_query(r, "Network", {"armorComponent": "request", "resourceGroup": "CloudArmor"}, "count")
    yield usage_component("Requests", "1M requests", ctx.usage, "monthly_requests", q, per=1_000_000)


PRICER = Pricer(type="google_compute_security_policy", price=_price, usage_keys=USAGE, doc=__doc__ or "")
price_policy = _price
"""The pricing function, shared with google_compute_region_security_policy."""
