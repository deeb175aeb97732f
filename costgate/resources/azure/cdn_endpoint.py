"""azurerm_cdn_endpoint: an endpoint of an Azure CDN (classic) profile.

Prices:
    Outbound data transfer: per GB delivered (usage: monthly_outbound_gb) at the profile's SKU
    (`azurerm_cdn_profile.sku`: Standard_Microsoft; the retired Standard/Premium_Verizon and
    Standard_Akamai as well), in the endpoint's delivery zone, cheaper in larger volumes (the
    meter's tiers).
    Acceleration outbound data transfer: Akamai and Verizon endpoints optimised for dynamic site
    acceleration, per GB (usage: the same GB).
Usage keys:
    monthly_outbound_gb: GB delivered to clients a month.
Not priced / assumptions:
    Meters: serviceName "Content Delivery Network", productName "Azure CDN from <provider>",
    skuName the tier, meterName "<tier> Data Transfer" (acceleration: "<tier> Acceleration Data
    Transfer"), per zone. Rules engine rules and requests of Standard_Microsoft endpoints are not
    priced. An endpoint whose profile is outside the plan is taken to be Standard_Microsoft.
References:
    https://azure.microsoft.com/pricing/details/cdn/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, PriceQuery, Resource
from costgate.resources.azure._common import azure_query, cdn_zone, location_of
from costgate.resources.base import Pricer, PricingContext, UsageKey, usage_component

USAGE = (UsageKey("monthly_outbound_gb", "float", "GB delivered to clients a month"),)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    profile = ctx.resolve(r, "profile_name") or ctx.resolve(r, "profile_id")
    sku = str(profile.get("sku") if profile is not None else "Standard_Microsoft")
    tier, _, vendor = sku.partition("_")
    if not vendor or vendor.lower() == "chinacdn":
        return
    zone = cdn_zone(location_of(r))
    product = f"Azure CDN from {vendor}"

    def q(meter: str) -> PriceQuery:
        attrs = {"productName": product, "skuName": tier, "meterName": meter, "type": "Consumption"}
        return azure_query(r, "Content Delivery Network", attrs, family="Networking", unit="1 GB", region=zone)

    label = f"{tier} {vendor}" if vendor.lower() == "verizon" else vendor
    yield usage_component(
        f"Outbound data transfer ({label})", "GB", ctx.usage, "monthly_outbound_gb", q(f"{tier} Data Transfer")
    )
    if (
        vendor.lower() in ("akamai", "verizon")
        and str(r.get("optimization_type") or "").lower() == "dynamicsiteacceleration"
    ):
        yield usage_component(
            "Acceleration outbound data transfer",
            "GB",
            ctx.usage,
            "monthly_outbound_gb",
            q(f"{tier} Acceleration Data Transfer"),
        )


PRICER = Pricer(type="azurerm_cdn_endpoint", price=_price, usage_keys=USAGE, doc=__doc__ or "")
