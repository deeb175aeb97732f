"""azurerm_dashboard_grafana: an Azure Managed Grafana workspace.

Prices:
    Standard sku: the instance per hour and active users a month (usage). Essential sku
    (free tier): nothing.
Usage keys:
    monthly_active_users: users who sign in during the month.
Not priced / assumptions:
    Zone redundancy (zone_redundancy_enabled) is looked up at its own instance meter.
    Enterprise plugins are a Marketplace subscription, not priced.
References:
    https://azure.microsoft.com/pricing/details/managed-grafana/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, PriceQuery, Resource
from costgate.resources.azure._common import azure_query
from costgate.resources.base import Pricer, PricingContext, UsageKey, hourly, no_charge, usage_component

USAGE = (UsageKey("monthly_active_users", "float", "Users who sign in during the month"),)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    sku = str(r.get("sku") or "Standard").capitalize()
    if sku == "Essential":
        yield no_charge(r, "Workspace", "the Essential tier has no charge")
        return

    def q(meter: str, unit: str) -> PriceQuery:
        return azure_query(
            r,
            "Azure Grafana Service",
            {"skuName": sku, "meterName": meter, "unitOfMeasure": unit},
            family="Management and Governance",
            unit=unit,
        )

    zone = r.get("zone_redundancy_enabled") is True
    yield hourly(
        f"Instance ({sku}{', zone redundant' if zone else ''})",
        q(f"{sku} Instance{' Zone Redundancy' if zone else ''}", "1 Hour"),
    )
    yield usage_component(
        "Active users", "users", ctx.usage, "monthly_active_users", q(f"{sku} Active User", "1/Month")
    )


PRICER = Pricer(type="azurerm_dashboard_grafana", price=_price, usage_keys=USAGE, doc=__doc__ or "")
