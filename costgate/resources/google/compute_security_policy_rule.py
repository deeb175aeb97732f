"""google_compute_security_policy_rule: one rule of a Cloud Armor security policy, declared on its own.

Also prices google_compute_region_security_policy_rule (a rule of a regional policy, billed alike).

Prices:
    Rule: per rule-month, the Cloud Armor Standard rule SKU that google_compute_security_policy
    prices its inline rule blocks at.
Usage keys:
    (none)
Not priced / assumptions:
    The policy's own fee, its default rule and the requests it evaluates are priced on the policy.
    Under a Cloud Armor Enterprise subscription rules are included; the subscription is not
    priced. The shipped catalog has no Cloud Armor rows, so the rule shows as not priced until
    `catalog refresh`.
References:
    https://cloud.google.com/armor/pricing
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.base import Pricer, PricingContext, monthly
from costgate.resources.google._common import compute_query


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    rule = {"armorComponent": "rule", "resourceGroup": "CloudArmor"}
    yield monthly("Rule", "rules", 1, compute_query(r, "Network", rule, "mo"))


PRICER = Pricer(type="google_compute_security_policy_rule", price=_price, doc=__doc__ or "")
price_rule = _price
"""The pricing function, shared with google_compute_region_security_policy_rule."""
