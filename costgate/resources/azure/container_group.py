"""azurerm_container_group: an Azure Container Instances container group.

Prices:
    vCPU: per vCPU-hour of the group's containers (their `cpu`, summed), Linux or Windows
    (`os_type`) rates.
    Memory: per GB-hour of the containers' `memory`, summed.
    Both for the hours the group runs (usage: monthly_hrs, default 730).
Usage keys:
    monthly_hrs: hours the group runs a month (a job that exits early runs less).
Not priced / assumptions:
    Meters: serviceName "Container Instances", skuName "Standard" (Linux) or "Standard Windows",
    meterName "<sku> vCPU Duration" per hour and "<sku> Memory Duration" per GB-hour; a meter
    named otherwise shows as not priced. GPU containers, Confidential and Spot groups, and the
    Windows software surcharge are not priced. Init containers run briefly and are left out.
References:
    https://azure.microsoft.com/pricing/details/container-instances/
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from costgate.model import HOURS_PER_MONTH, CostComponent, Resource
from costgate.resources.azure._common import azure_query
from costgate.resources.base import Pricer, PricingContext, UsageKey, dec, monthly

USAGE = (UsageKey("monthly_hrs", "float", "Hours the group runs a month", 730),)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    containers = r.blocks("container")
    vcpus = sum((dec(c.get("cpu"), Decimal(0)) or Decimal(0) for c in containers), Decimal(0))
    memory = sum((dec(c.get("memory"), Decimal(0)) or Decimal(0) for c in containers), Decimal(0))
    hours = ctx.usage.number("monthly_hrs")
    hours = HOURS_PER_MONTH if hours is None else hours
    sku = "Standard Windows" if str(r.get("os_type") or "Linux").lower() == "windows" else "Standard"
    for name, unit, amount, meter, catalog_unit in (
        ("vCPU", "vCPU-hours", vcpus, "vCPU Duration", "1 Hour"),
        ("Memory", "GB-hours", memory, "Memory Duration", "1 GB Hour"),
    ):
        attrs = {
            "productName": "Container Instances",
            "skuName": sku,
            "meterName": f"{sku} {meter}",
            "type": "Consumption",
        }
        query = azure_query(r, "Container Instances", attrs, family="Containers", unit=catalog_unit)
        yield monthly(f"{name} ({'Windows' if 'Windows' in sku else 'Linux'})", unit, amount * hours, query)


PRICER = Pricer(type="azurerm_container_group", price=_price, usage_keys=USAGE, doc=__doc__ or "")
