"""azurerm_frontdoor: an Azure Front Door (classic) profile.

Prices:
    Routing rules: per rule-hour, the first five (`routing_rule` blocks, those with `enabled =
    false` left out: a disabled rule is not billed) at the included rate and each further rule at
    the overage rate.
    Frontend hosts: per host-month above the 100 a profile includes (`frontend_endpoint` blocks).
    Inbound data transfer: per GB (usage: monthly_inbound_data_transfer_gb).
    Outbound data transfer: per GB from the edge in each billing zone (usage:
    monthly_outbound_data_transfer_gb.<zone>), cheaper in larger volumes (the meters' tiers).
Usage keys:
    monthly_inbound_data_transfer_gb: GB sent to the edge a month.
    monthly_outbound_data_transfer_gb.north_america_europe_africa: GB sent from Zone 1 edges.
    monthly_outbound_data_transfer_gb.asia_pacific: GB sent from Zone 2 edges.
    monthly_outbound_data_transfer_gb.south_america: GB sent from Zone 3 edges.
    monthly_outbound_data_transfer_gb.australia: GB sent from Zone 4 edges.
    monthly_outbound_data_transfer_gb.india: GB sent from Zone 5 edges.
    monthly_outbound_data_transfer_gb.us_gov: GB sent from US Gov edges.
Not priced / assumptions:
    Meters: serviceName "Azure Front Door Service", productName "Azure Front Door Service", skuName
    "Standard", meterName "Standard Included Routing Rules", "Standard Overage Routing Rules",
    "Standard Custom Domain", "Standard Data Transfer In", "Standard Data Transfer Out", sold per
    billing zone (rules, hosts and inbound data at Zone 1). The reference estimator matches them by
    suffix; the full spelling is not confirmed here, so a miss shows as not priced. Front Door
    (classic) can no longer be created; azurerm_cdn_frontdoor_profile prices its successor.
References:
    https://azure.microsoft.com/pricing/details/frontdoor/
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from costgate.model import CostComponent, PriceQuery, Resource
from costgate.resources.azure._common import zone_query
from costgate.resources.base import Pricer, PricingContext, UsageKey, hourly, monthly, usage_component

ZONES = (
    ("north_america_europe_africa", "Zone 1", "North America, Europe and Africa"),
    ("asia_pacific", "Zone 2", "Asia Pacific (including Japan)"),
    ("south_america", "Zone 3", "South America"),
    ("australia", "Zone 4", "Australia"),
    ("india", "Zone 5", "India"),
    ("us_gov", "US Gov Zone 1", "US Gov"),
)
USAGE = (
    UsageKey("monthly_inbound_data_transfer_gb", "float", "GB sent to the edge a month"),
    *(
        UsageKey(f"monthly_outbound_data_transfer_gb.{key}", "float", f"GB sent from {label} edges a month")
        for key, _zone, label in ZONES
    ),
)
INCLUDED_RULES, INCLUDED_HOSTS = 5, 100


def _q(r: Resource, meter: str, zone: str = "Zone 1", unit: str | None = None) -> PriceQuery:
    attrs = {
        "productName": "Azure Front Door Service",
        "skuName": "Standard",
        "meterName": f"Standard {meter}",
        "type": "Consumption",
    }
    return zone_query(r, "Azure Front Door Service", attrs, zone=zone, unit=unit)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    rules = sum(1 for rule in r.blocks("routing_rule") if rule.get("enabled") is not False) or 1
    yield hourly(
        "Routing rules (first 5 rules)",
        _q(r, "Included Routing Rules", unit="1 Hour"),
        count=min(rules, INCLUDED_RULES),
    )
    if rules > INCLUDED_RULES:
        yield hourly(
            "Routing rules (per additional rule)",
            _q(r, "Overage Routing Rules", unit="1 Hour"),
            count=rules - INCLUDED_RULES,
        )
    hosts = len(r.blocks("frontend_endpoint"))
    if hosts > INCLUDED_HOSTS:
        yield monthly("Frontend hosts (over 100)", "hosts", Decimal(hosts - INCLUDED_HOSTS), _q(r, "Custom Domain"))
    yield usage_component(
        "Inbound data transfer",
        "GB",
        ctx.usage,
        "monthly_inbound_data_transfer_gb",
        _q(r, "Data Transfer In", unit="1 GB"),
    )
    for key, zone, label in ZONES:
        amount = ctx.usage.number(f"monthly_outbound_data_transfer_gb.{key}")
        if amount is not None or zone == "Zone 1":
            yield monthly(
                f"Outbound data transfer ({label})",
                "GB",
                amount,
                _q(r, "Data Transfer Out", zone, "1 GB"),
                usage_based=True,
            )


PRICER = Pricer(type="azurerm_frontdoor", price=_price, usage_keys=USAGE, doc=__doc__ or "")
