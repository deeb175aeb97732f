"""azurerm_eventhub_namespace: an Event Hubs namespace (Basic, Standard, Premium).

Prices:
    Basic and Standard: throughput units (capacity, default 1) per hour; ingress events per
    million (usage); Standard with Capture (any azurerm_eventhub of the namespace with
    capture_description enabled, or the usage's capture_enabled) per throughput-unit-hour.
    Premium: processing units (capacity) per hour; retention beyond the included 1 TB per
    processing unit per GB-month (usage).
    A namespace on a dedicated cluster (dedicated_cluster_id) adds nothing: the cluster's
    capacity units and its retention beyond 10 TB per unit bill on azurerm_eventhub_cluster.
Usage keys:
    monthly_ingress_events: events published a month (Basic, Standard).
    capture_enabled: true when Capture is on although no azurerm_eventhub in the plan says so.
    retention_storage_gb: data retained (Premium), GB.
    throughput_or_capacity_units: units actually running (auto-inflate), overrides capacity.
Not priced / assumptions:
    Auto-inflate (maximum_throughput_units) may raise the units up to its maximum; give the
    expected average with throughput_or_capacity_units. Kafka and AMQP connections above the
    included ones (Standard) are not priced.
References:
    https://azure.microsoft.com/pricing/details/event-hubs/
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from costgate.model import HOURS_PER_MONTH, CostComponent, PriceQuery, Resource
from costgate.resources.azure._common import azure_query, is_set
from costgate.resources.base import Pricer, PricingContext, UsageKey, dec, monthly, no_charge

USAGE = (
    UsageKey("monthly_ingress_events", "float", "Events published a month (Basic, Standard)"),
    UsageKey("capture_enabled", "bool", "Capture is on for the namespace's event hubs"),
    UsageKey("retention_storage_gb", "float", "Data retained by a Premium namespace (GB)"),
    UsageKey("throughput_or_capacity_units", "float", "Units running on average (overrides capacity)"),
)
PREMIUM_INCLUDED_GB = Decimal(1000)


def _capture(r: Resource, ctx: PricingContext) -> bool:
    if ctx.usage.raw("capture_enabled") is True:
        return True
    hubs = ctx.referencing(r, "azurerm_eventhub", "namespace_name") + ctx.referencing(
        r, "azurerm_eventhub", "namespace_id"
    )
    return any(hub.block("capture_description").get("enabled") is True for hub in hubs)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    if is_set(r, "dedicated_cluster_id"):
        yield no_charge(r, "Namespace", "runs on a dedicated cluster: billed on the azurerm_eventhub_cluster")
        return
    sku = str(r.get("sku") or "Standard").capitalize()
    units = ctx.usage.number("throughput_or_capacity_units") or dec(r.get("capacity")) or Decimal(1)

    def q(meter: str, unit: str) -> PriceQuery:
        return azure_query(
            r, "Event Hubs", {"skuName": sku, "meterName": f"{sku} {meter}", "unitOfMeasure": unit}, unit=unit
        )

    if sku == "Premium":
        yield monthly(
            "Capacity (Premium)",
            "processing units",
            units,
            q("Processing Unit", "1 Hour"),
            unit_multiplier=HOURS_PER_MONTH,
        )
        stored = ctx.usage.number("retention_storage_gb")
        extra = None if stored is None else max(stored - PREMIUM_INCLUDED_GB * units, Decimal(0))
        yield monthly("Extended retention", "GB", extra, q("Extended Retention", "1 GB/Month"), usage_based=True)
        return
    yield monthly(
        f"Capacity ({sku})", "throughput units", units, q("Throughput Unit", "1 Hour"), unit_multiplier=HOURS_PER_MONTH
    )
    events = ctx.usage.number("monthly_ingress_events")
    yield monthly(
        f"Ingress events ({sku})",
        "1M events",
        None if events is None else events / 1_000_000,
        q("Ingress Events", "1M"),
        usage_based=True,
    )
    if sku == "Standard" and _capture(r, ctx):
        yield monthly("Capture", "throughput units", units, q("Capture", "1 Hour"), unit_multiplier=HOURS_PER_MONTH)


PRICER = Pricer(type="azurerm_eventhub_namespace", price=_price, usage_keys=USAGE, doc=__doc__ or "")
