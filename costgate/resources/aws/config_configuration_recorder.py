"""aws_config_configuration_recorder: AWS Config recording resource configuration changes.

Prices:
    Config items: per configuration item recorded (usage: monthly_config_items).
    Custom config items: per custom configuration item recorded (usage: monthly_custom_config_items).
Usage keys:
    monthly_config_items: configuration items recorded a month.
    monthly_custom_config_items: custom configuration items recorded a month.
Not priced / assumptions:
    Rule evaluations are priced on the rules (aws_config_config_rule, organization rules).
    Periodic recording (a cheaper per-item price) is not distinguished.
References:
    https://aws.amazon.com/config/pricing/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.aws._common import aws_query
from costgate.resources.aws._usagetype import regional_ut
from costgate.resources.base import Pricer, PricingContext, UsageKey, usage_component

USAGE = (
    UsageKey("monthly_config_items", "int", "Configuration items recorded a month"),
    UsageKey("monthly_custom_config_items", "int", "Custom configuration items recorded a month"),
)
_ITEMS = (
    ("Config items", "monthly_config_items", "ConfigurationItemRecorded"),
    ("Custom config items", "monthly_custom_config_items", "CustomConfigItemRecorded"),
)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    for name, key, suffix in _ITEMS:
        yield usage_component(
            name,
            "records",
            ctx.usage,
            key,
            aws_query(
                r, "AWSConfig", "Management Tools - AWS Config", {"usagetype": regional_ut(r, suffix)}, unit="Items"
            ),
        )


PRICER = Pricer(type="aws_config_configuration_recorder", price=_price, usage_keys=USAGE, doc=__doc__ or "")
