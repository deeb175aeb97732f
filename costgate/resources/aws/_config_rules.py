"""AWS Config rule evaluations, shared by account rules and organization rules."""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.aws._common import aws_query
from costgate.resources.aws._usagetype import regional_ut
from costgate.resources.base import PricingContext, UsageKey, usage_component

USAGE = (UsageKey("monthly_rule_evaluations", "int", "Rule evaluations a month"),)

DOC = """
Prices:
    Rule evaluations: per evaluation (usage: monthly_rule_evaluations), tiered (first 100K,
    next 400K, over 500K) across the account's rules.
Usage keys:
    monthly_rule_evaluations: rule evaluations a month.
Not priced / assumptions:
    AWS tiers evaluations per account and region, not per rule: the tiers here apply to this
    rule's evaluations alone. The catalog snapshot holds the first tier only: more than 100K
    evaluations show as not priced. Conformance pack evaluations are priced the same.
References:
    https://aws.amazon.com/config/pricing/
"""


def rule_evaluations(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    """The rule's evaluations, tiered as the catalog tiers them."""
    yield usage_component(
        "Rule evaluations",
        "evaluations",
        ctx.usage,
        "monthly_rule_evaluations",
        aws_query(
            r,
            "AWSConfig",
            "Management Tools - AWS Config Rules",
            {"usagetype": regional_ut(r, "ConfigRuleEvaluations")},
            unit="Evaluations",
        ),
    )
