"""aws_ssm_activation: a Systems Manager activation registering on-premises managed instances.

Prices:
    On-prem managed instances (advanced): per instance hour in the advanced tier
    (usage: instances x 730 h).
Usage keys:
    instance_tier: standard or advanced (default: advanced when registration_limit > 1000, else standard).
    instances: managed instances registered with this activation.
Not priced / assumptions:
    Standard-tier on-premises instances are free: nothing is yielded for them. The advanced tier
    is required above 1,000 instances per account and region, hence the default.
References:
    https://aws.amazon.com/systems-manager/pricing/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import HOURS_PER_MONTH, CostComponent, Resource
from costgate.resources.aws._common import aws_query
from costgate.resources.aws._usagetype import regional_ut
from costgate.resources.base import Pricer, PricingContext, UsageKey, monthly, no_charge, number

USAGE = (
    UsageKey("instance_tier", "str", "Instance tier: standard or advanced"),
    UsageKey("instances", "int", "Managed instances registered with this activation"),
)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    tier = ctx.usage.text("instance_tier")
    if tier is None:
        tier = "advanced" if (number(r, "registration_limit") or 0) > 1000 else "standard"
    if tier.lower() != "advanced":
        yield no_charge(
            r, "On-premises instances", "standard tier: managing up to 1,000 on-premises instances has no charge"
        )
        return
    instances = ctx.usage.number("instances")
    yield monthly(
        "On-prem managed instances (advanced)",
        "hours",
        None if instances is None else instances * HOURS_PER_MONTH,
        aws_query(
            r,
            "AWSSystemsManager",
            "AWS Systems Manager",
            {"usagetype": regional_ut(r, "MI-AdvInstances-Hrs")},
            unit="Hrs",
        ),
        usage_based=True,
    )


PRICER = Pricer(type="aws_ssm_activation", price=_price, usage_keys=USAGE, doc=__doc__ or "")
