"""azurerm_frontdoor_firewall_policy: a WAF policy of Azure Front Door (classic).

Prices:
    Policy: per policy-month.
    Custom rules: per rule-month (`custom_rule` blocks).
    Custom rule requests: per million requests the custom rules inspect (usage).
    Managed rulesets: per ruleset-month (`managed_rule` blocks).
    Managed ruleset requests: per million requests the managed rulesets inspect (usage).
Usage keys:
    monthly_custom_rule_requests: requests a month the custom rules inspect.
    monthly_managed_ruleset_requests: requests a month the managed rulesets inspect.
Not priced / assumptions:
    Meters: serviceName and productName "Azure Front Door Service", skuName "Standard", meterName
    "Standard Policy", "Standard Rule", "Standard Requests", "Standard Default Ruleset",
    "Standard Default Request" (the reference estimator matches them by suffix; the full spelling
    is not confirmed here, so a miss shows as not priced), at Zone 1 rates.
References:
    https://azure.microsoft.com/pricing/details/web-application-firewall/
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from costgate.model import CostComponent, PriceQuery, Resource
from costgate.resources.azure._common import usage_in, zone_query
from costgate.resources.base import Pricer, PricingContext, UsageKey, monthly

USAGE = (
    UsageKey("monthly_custom_rule_requests", "int", "Requests a month the custom rules inspect"),
    UsageKey("monthly_managed_ruleset_requests", "int", "Requests a month the managed rulesets inspect"),
)


def _q(r: Resource, meter: str) -> PriceQuery:
    attrs = {
        "productName": "Azure Front Door Service",
        "skuName": "Standard",
        "meterName": f"Standard {meter}",
        "type": "Consumption",
    }
    return zone_query(r, "Azure Front Door Service", attrs, zone="Zone 1")


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    yield monthly("Policy", "months", 1, _q(r, "Policy"))
    if rules := len(r.blocks("custom_rule")):
        yield monthly("Custom rules", "rules", Decimal(rules), _q(r, "Rule"))
        yield usage_in(
            "Custom rule requests",
            "1M requests",
            ctx.usage,
            "monthly_custom_rule_requests",
            _q(r, "Requests"),
            divisor=1_000_000,
        )
    if rulesets := len(r.blocks("managed_rule")):
        yield monthly("Managed rulesets", "rulesets", Decimal(rulesets), _q(r, "Default Ruleset"))
        yield usage_in(
            "Managed ruleset requests",
            "1M requests",
            ctx.usage,
            "monthly_managed_ruleset_requests",
            _q(r, "Default Request"),
            divisor=1_000_000,
        )


PRICER = Pricer(type="azurerm_frontdoor_firewall_policy", price=_price, usage_keys=USAGE, doc=__doc__ or "")
