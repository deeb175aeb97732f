"""azurerm_cdn_frontdoor_firewall_policy: a WAF policy of Azure Front Door Standard/Premium.

Prices:
    Standard tier (`sku_name = "Standard_AzureFrontDoor"`): the policy per month, each custom rule
    per month (`custom_rule` blocks) and requests the policy inspects per million (usage).
    Premium tier: nothing, WAF (with managed rules) is included in the Premium base fee.
Usage keys:
    monthly_requests: requests a month the policy inspects (Standard tier).
Not priced / assumptions:
    Meters: serviceName "Azure Front Door Service", productName "Azure Front Door", skuName
    "Standard", meterName "Standard WAF Policy", "Standard WAF Custom Rule", "Standard WAF
    Requests" at Zone 1 rates (spelling not confirmed here: a miss shows as not priced).
References:
    https://azure.microsoft.com/pricing/details/frontdoor/
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from costgate.model import CostComponent, PriceQuery, Resource
from costgate.resources.azure._common import usage_in, zone_query
from costgate.resources.base import Pricer, PricingContext, UsageKey, monthly, no_charge

USAGE = (UsageKey("monthly_requests", "int", "Requests a month the policy inspects"),)


def _q(r: Resource, meter: str) -> PriceQuery:
    attrs = {
        "productName": "Azure Front Door",
        "skuName": "Standard",
        "meterName": f"Standard {meter}",
        "type": "Consumption",
    }
    return zone_query(r, "Azure Front Door Service", attrs, zone="Zone 1")


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    if str(r.get("sku_name") or "").lower().startswith("premium"):
        yield no_charge(r, "Policy", "included in the Front Door Premium tier")
        return
    yield monthly("WAF policy", "months", 1, _q(r, "WAF Policy"))
    if rules := len(r.blocks("custom_rule")):
        yield monthly("Custom rules", "rules", Decimal(rules), _q(r, "WAF Custom Rule"))
    yield usage_in("Requests", "1M requests", ctx.usage, "monthly_requests", _q(r, "WAF Requests"), divisor=1_000_000)


PRICER = Pricer(type="azurerm_cdn_frontdoor_firewall_policy", price=_price, usage_keys=USAGE, doc=__doc__ or "")
