"""azurerm_cdn_frontdoor_profile: an Azure Front Door (Standard or Premium) profile.

Prices:
    Base fee: per profile-month by tier (`sku_name` Standard_AzureFrontDoor or
    Premium_AzureFrontDoor).
    Requests: per 10,000 requests from clients (usage: monthly_requests).
    Outbound data transfer: per GB from edge to clients (usage: monthly_outbound_data_transfer_gb),
    cheaper in larger volumes (the meter's tiers).
Usage keys:
    monthly_requests: requests a month.
    monthly_outbound_data_transfer_gb: GB sent from the edge to clients a month.
Not priced / assumptions:
    Meters: serviceName "Azure Front Door Service", productName "Azure Front Door", skuName the
    tier, meterName "<tier> Base Fees" / "<tier> Requests" / "<tier> Data Transfer Out", sold per
    billing zone; requests and transfer are priced at Zone 1 (North America and Europe) rates,
    where the clients' zones are not known. Edge-to-origin transfer, WAF rules and Private Link
    origins are not priced. Endpoints, routes, origins and rules bill nothing themselves.
References:
    https://azure.microsoft.com/pricing/details/frontdoor/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, PriceQuery, Resource
from costgate.resources.azure._common import usage_in, zone_query
from costgate.resources.base import Pricer, PricingContext, UsageKey, monthly, usage_component

USAGE = (
    UsageKey("monthly_requests", "int", "Requests a month"),
    UsageKey("monthly_outbound_data_transfer_gb", "float", "GB sent from the edge to clients a month"),
)
CLIENT_ZONE = "Zone 1"


def _q(r: Resource, tier: str, meter: str, unit: str) -> PriceQuery:
    attrs = {"productName": "Azure Front Door", "skuName": tier, "meterName": f"{tier} {meter}", "type": "Consumption"}
    return zone_query(r, "Azure Front Door Service", attrs, unit=unit, zone=CLIENT_ZONE)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    tier = "Premium" if str(r.get("sku_name") or "").lower().startswith("premium") else "Standard"
    yield monthly(f"Base fee ({tier})", "months", 1, _q(r, tier, "Base Fees", "1/Month"))
    yield usage_in(
        "Requests", "10k requests", ctx.usage, "monthly_requests", _q(r, tier, "Requests", "10K"), divisor=10_000
    )
    yield usage_component(
        "Outbound data transfer",
        "GB",
        ctx.usage,
        "monthly_outbound_data_transfer_gb",
        _q(r, tier, "Data Transfer Out", "1 GB"),
    )


PRICER = Pricer(type="azurerm_cdn_frontdoor_profile", price=_price, usage_keys=USAGE, doc=__doc__ or "")
