"""azurerm_application_gateway: an Application Gateway (v2, or the retired v1).

Prices:
    Gateway usage: v2 SKUs (Standard_v2, WAF_v2) per gateway-hour (meter "Fixed Cost"); v1 SKUs
    (Standard/WAF Small, Medium, Large) per instance-hour times `sku.capacity`.
    V2 capacity units: per capacity unit-hour (usage: capacity_units), else 10 units for each
    instance a fixed `sku.capacity` or an autoscale `min_capacity` reserves (Azure bills a
    reserved instance as 10 capacity units whatever the traffic).
    Data processed: v1 SKUs, per GB in the meter's tiers (usage: monthly_data_processed_gb).
Usage keys:
    capacity_units: capacity units the gateway uses on average (v2).
    monthly_data_processed_gb: GB processed a month (v1).
Not priced / assumptions:
    An autoscaled v2 gateway with no minimum depends on usage for its capacity units. The
    reference estimator counts one capacity unit per instance. Outbound data transfer is
    billed as bandwidth, not here.
References:
    https://azure.microsoft.com/pricing/details/application-gateway/
    https://learn.microsoft.com/azure/application-gateway/understanding-pricing
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from costgate.model import HOURS_PER_MONTH, CostComponent, PriceQuery, Resource
from costgate.resources.azure._common import azure_query, consumption
from costgate.resources.base import Pricer, PricingContext, UsageKey, dec, hourly, monthly, usage_component

USAGE = (
    UsageKey("capacity_units", "int", "Capacity units a v2 gateway uses on average"),
    UsageKey("monthly_data_processed_gb", "float", "GB a v1 gateway processes a month"),
)
CU_PER_INSTANCE = Decimal(10)


def _q(r: Resource, attrs: dict[str, str], unit: str | None = "1 Hour") -> PriceQuery:
    a = consumption(attrs, unit) if unit else {**attrs, "type": "Consumption"}
    return azure_query(r, "Application Gateway", a, family="Networking", unit=unit)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    sku = r.block("sku")
    tier, _, size = str(sku.get("name") or "Standard_v2").partition("_")
    waf = tier.upper().startswith("WAF")
    instances = dec(sku.get("capacity")) or dec(r.block("autoscale_configuration").get("min_capacity"))
    if size.lower() == "v2":
        product = f"Application Gateway {'WAF' if waf else 'Standard'} v2"
        yield hourly(
            f"Gateway usage ({'WAF' if waf else 'basic'} v2)",
            _q(r, {"productName": product, "meterName": "Fixed Cost"}),
        )
        units = ctx.usage.number("capacity_units")
        units = units if units is not None else instances * CU_PER_INSTANCE if instances else None
        yield monthly(
            f"V2 capacity units ({'WAF' if waf else 'basic'})",
            "CU-hours",
            None if units is None else units * HOURS_PER_MONTH,
            _q(r, {"productName": product, "meterName": "Capacity Units"}),
            usage_based=True,
        )
        return
    product = f"{'WAF' if waf else 'Basic'} Application Gateway"
    size = size.capitalize()
    yield hourly(
        f"Gateway usage ({'WAF' if waf else 'basic'}, {size.lower()})",
        _q(r, {"productName": product, "meterName": f"{size} Gateway"}),
        count=instances or 1,
    )
    yield usage_component(
        "Data processed",
        "GB",
        ctx.usage,
        "monthly_data_processed_gb",
        _q(r, {"meterName": f"{size} Data Processed"}, "1 GB"),
    )


PRICER = Pricer(type="azurerm_application_gateway", price=_price, usage_keys=USAGE, doc=__doc__ or "")
