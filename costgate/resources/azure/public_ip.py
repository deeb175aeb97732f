"""azurerm_public_ip: a public IP address.

Prices:
    IP address: per hour it exists, by SKU (Standard, the provider's default, or Basic; a
    dynamic address without `sku` is Basic, the only SKU that allows it), tier (`sku_tier`
    Regional or Global) and allocation (Standard addresses are always static).
Usage keys:
    (none)
Not priced / assumptions:
    Basic SKU addresses (retired by Azure in September 2025) are priced at their own meters
    while the catalog has them. IPv6 addresses bill the same meters as IPv4 here.
References:
    https://azure.microsoft.com/pricing/details/ip-addresses/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.azure._common import azure_query, consumption
from costgate.resources.base import Pricer, PricingContext, hourly


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    dynamic = str(r.get("allocation_method")).lower() == "dynamic"
    sku = str(r.get("sku") or ("Basic" if dynamic else "Standard")).capitalize()
    allocation = "Dynamic" if sku == "Basic" and dynamic else "Static"
    tier = "Global" if sku == "Standard" and str(r.get("sku_tier") or "").lower() == "global" else "Regional"
    meter_sku = "Global" if tier == "Global" else sku
    attrs = consumption(
        {"productName": "IP Addresses", "skuName": meter_sku, "meterName": f"{meter_sku} IPv4 {allocation} Public IP"},
        "1 Hour",
    )
    yield hourly(
        f"IP address ({allocation.lower()}, {tier.lower()})",
        azure_query(r, "Virtual Network", attrs, family="Networking", unit="1 Hour"),
    )


PRICER = Pricer(type="azurerm_public_ip", price=_price, doc=__doc__ or "")
