"""azurerm_container_registry: an Azure Container Registry.

Prices:
    Registry usage: per registry-day by SKU (`sku` Basic, Standard, Premium; Classic before
    them): 730 hours a month, each 1/24 of the daily meter.
    Geo replication: Premium registries, one more registry for each `georeplications` location.
    Storage: per GB-month above what the SKU includes (Basic 10 GB, Standard 100 GB, Premium
    500 GB) (usage: storage_gb).
    Build vCPU: ACR Tasks, per vCPU-second (usage: monthly_build_vcpu_hrs), every second at the
    paid rate of "Task vCPU Duration".
Usage keys:
    storage_gb: GB of images stored.
    monthly_build_vcpu_hrs: vCPU-hours of ACR Tasks builds a month.
Not priced / assumptions:
    Data transfer is not priced. A month is 730 hours: 30.42 registry-days, where the reference
    estimator counts 30. Azure's free 6,000 vCPU-seconds of ACR Tasks a month (the zero-priced
    first tier of "Task vCPU Duration") are a grant per subscription, shared by every registry in
    it: a plan shows only some of them, so the grant is not given to any one registry (as for
    Azure Functions' free executions).
References:
    https://azure.microsoft.com/pricing/details/container-registry/
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from costgate.model import HOURS_PER_MONTH, CostComponent, PriceQuery, Resource
from costgate.resources.azure._common import azure_query, consumption
from costgate.resources.base import Pricer, PricingContext, UsageKey, monthly

USAGE = (
    UsageKey("storage_gb", "float", "GB of images stored"),
    UsageKey("monthly_build_vcpu_hrs", "float", "vCPU-hours of ACR Tasks builds a month"),
)
INCLUDED_GB = {"Basic": Decimal(10), "Standard": Decimal(100), "Premium": Decimal(500), "Classic": Decimal(10)}
DAY_PER_HOUR = Decimal(1) / 24
"""The registry meter is per day: one hour is 1/24 of it."""


def _q(r: Resource, sku: str, meter: str, unit: str) -> PriceQuery:
    attrs = consumption({"productName": "Container Registry", "skuName": sku, "meterName": meter}, unit)
    return azure_query(r, "Container Registry", attrs, family="Containers", unit=unit)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    sku = str(r.get("sku") or "Classic").capitalize()
    unit = _q(r, sku, f"{sku} Registry Unit", "1/Day")
    yield monthly(f"Registry usage ({sku})", "hours", HOURS_PER_MONTH, unit, unit_multiplier=DAY_PER_HOUR)
    replicas = len(r.blocks("georeplications")) or len(r.get("georeplication_locations") or [])
    if sku == "Premium" and replicas:
        label = f"{replicas} location{'s' if replicas > 1 else ''}"
        yield monthly(
            f"Geo replication ({label})", "hours", HOURS_PER_MONTH * replicas, unit, unit_multiplier=DAY_PER_HOUR
        )
    stored = ctx.usage.number("storage_gb")
    extra = None if stored is None else max(Decimal(0), stored - INCLUDED_GB.get(sku, Decimal(0)))
    yield monthly(
        f"Storage (over {INCLUDED_GB.get(sku, 0)}GB)",
        "GB",
        extra,
        _q(r, sku, "Data Stored", "1 GB/Month"),
        usage_based=True,
    )
    build = ctx.usage.number("monthly_build_vcpu_hrs")
    task = _q(r, sku, "Task vCPU Duration", "1 Second")
    seconds = None if build is None else build * 3600
    yield monthly("Build vCPU", "seconds", seconds, task, usage_based=True, tiered=False)


PRICER = Pricer(type="azurerm_container_registry", price=_price, usage_keys=USAGE, doc=__doc__ or "")
