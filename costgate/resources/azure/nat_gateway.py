"""azurerm_nat_gateway: a NAT gateway.

Prices:
    NAT gateway: per hour it exists.
    Data processed: per GB through the gateway (usage: monthly_data_processed_gb).
Usage keys:
    monthly_data_processed_gb: GB processed a month.
Not priced / assumptions:
    Its public IPs and prefixes are priced on azurerm_public_ip / azurerm_public_ip_prefix.
    Azure sells both meters region-free.
References:
    https://azure.microsoft.com/pricing/details/azure-nat-gateway/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, PriceQuery, Resource
from costgate.resources.azure._common import consumption, global_query
from costgate.resources.base import Pricer, PricingContext, UsageKey, hourly, usage_component

USAGE = (UsageKey("monthly_data_processed_gb", "float", "GB processed by the NAT gateway a month"),)


def _meter(r: Resource, meter: str, unit: str) -> PriceQuery:
    return global_query(
        r,
        "NAT Gateway",
        consumption({"productName": "NAT Gateway", "skuName": "Standard", "meterName": meter}, unit),
        unit=unit,
    )


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    yield hourly("NAT gateway", _meter(r, "Standard Gateway", "1 Hour"))
    yield usage_component(
        "Data processed", "GB", ctx.usage, "monthly_data_processed_gb", _meter(r, "Standard Data Processed", "1 GB")
    )


PRICER = Pricer(type="azurerm_nat_gateway", price=_price, usage_keys=USAGE, doc=__doc__ or "")
