"""azurerm_api_management: an API Management service.

Prices:
    Dedicated tiers (sku_name "<Tier>_<units>": Developer, Basic, Standard, Premium and the v2
    tiers): units per hour, plus a Premium service's units in each additional_location.
    Consumption: calls per million (usage). Premium: self-hosted gateway deployments per hour
    (usage).
Usage keys:
    monthly_api_calls: API calls a month (Consumption).
    self_hosted_gateway_count: self-hosted gateway deployments (Premium).
Not priced / assumptions:
    An additional location without capacity runs one unit. The Consumption tier's free million
    calls a month (the meter's free first tier, tierMinimumUnits 100 x 10K) is granted once per
    subscription, shared by all its Consumption instances: a plan shows only some of them, so
    every call is priced at the paid rate (as the reference estimator does). Workspaces and
    their gateways are other resources.
References:
    https://azure.microsoft.com/pricing/details/api-management/
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from costgate.model import HOURS_PER_MONTH, CostComponent, PriceQuery, Resource
from costgate.resources.azure._common import azure_query, normalize_location
from costgate.resources.base import Pricer, PricingContext, UsageKey, dec, monthly

USAGE = (
    UsageKey("monthly_api_calls", "float", "API calls a month (Consumption tier)"),
    UsageKey("self_hosted_gateway_count", "int", "Self-hosted gateway deployments (Premium tier)"),
)
V2 = {"BasicV2": "Basic v2", "StandardV2": "Standard v2", "PremiumV2": "Premium v2"}


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    tier_name, _, count = str(r.get("sku_name") or "Developer_1").partition("_")
    tier = V2.get(tier_name, tier_name.capitalize())

    def q(sku: str, meter: str, unit: str, region: str | None = None, product: bool = True) -> PriceQuery:
        attrs = {
            "skuName": sku,
            "meterName": meter,
            "unitOfMeasure": unit,
            **({"productName": "API Management"} if product else {}),
        }
        return azure_query(r, "API Management", attrs, family="Developer Tools", unit=unit, region=region)

    if tier == "Consumption":
        calls = ctx.usage.number("monthly_api_calls")
        yield monthly(
            "API management (consumption)",
            "1M calls",
            None if calls is None else calls / 1_000_000,
            q("Consumption", "Consumption Calls", "10K"),
            usage_based=True,
            unit_multiplier=100,
            tiered=False,
        )
        return
    units = dec(count) or Decimal(1)
    yield monthly(
        f"API management ({tier.lower()})",
        "units",
        units,
        q(tier, f"{tier} Unit", "1 Hour"),
        unit_multiplier=HOURS_PER_MONTH,
    )
    if tier != "Premium":
        return
    for extra in r.blocks("additional_location"):
        region = normalize_location(str(extra.get("location") or ""))
        yield monthly(
            f"API management (premium, {region})",
            "units",
            dec(extra.get("capacity")) or Decimal(1),
            q(tier, f"{tier} Unit", "1 Hour", region),
            unit_multiplier=HOURS_PER_MONTH,
        )
    gateways = ctx.usage.number("self_hosted_gateway_count")
    yield monthly(
        "Self-hosted gateways",
        "gateways",
        gateways,
        q("Gateway", "Gateway Unit", "1 Hour", product=False),
        usage_based=True,
        unit_multiplier=HOURS_PER_MONTH,
    )


PRICER = Pricer(type="azurerm_api_management", price=_price, usage_keys=USAGE, doc=__doc__ or "")
