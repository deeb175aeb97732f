"""azurerm_eventhub_cluster: a dedicated Event Hubs cluster.

Prices:
    Capacity units per hour: sku_name "Dedicated_<n>" runs n units.
    Extended retention: data its namespaces retain beyond the 10 TB included per capacity
    unit, per GB-month (usage).
Usage keys:
    retention_storage_gb: data retained by all namespaces of the cluster (GB), the key the
    namespaces' own usage uses.
Not priced / assumptions:
    Namespaces placed on the cluster (dedicated_cluster_id) add nothing; their ingress and
    Capture are included, and their retention is billed here, on the cluster's units.
References:
    https://azure.microsoft.com/pricing/details/event-hubs/
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from costgate.model import HOURS_PER_MONTH, CostComponent, Resource
from costgate.resources.azure._common import azure_query
from costgate.resources.base import Pricer, PricingContext, UsageKey, dec, monthly

USAGE = (UsageKey("retention_storage_gb", "float", "Data retained by the cluster's namespaces (GB)"),)
INCLUDED_GB_PER_UNIT = Decimal(10000)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    units = dec(str(r.get("sku_name") or "Dedicated_1").rpartition("_")[2]) or Decimal(1)

    def q(meter: str, unit: str) -> dict[str, str]:
        return {"skuName": "Dedicated", "meterName": f"Dedicated {meter}", "unitOfMeasure": unit}

    capacity = azure_query(r, "Event Hubs", q("Capacity Unit", "1 Hour"), unit="1 Hour")
    yield monthly("Capacity (Dedicated)", "capacity units", units, capacity, unit_multiplier=HOURS_PER_MONTH)
    stored = ctx.usage.number("retention_storage_gb")
    extra = None if stored is None else max(stored - INCLUDED_GB_PER_UNIT * units, Decimal(0))
    retention = azure_query(r, "Event Hubs", q("Extended Retention", "1 GB/Month"), unit="1 GB/Month")
    yield monthly("Extended retention", "GB", extra, retention, usage_based=True)


PRICER = Pricer(type="azurerm_eventhub_cluster", price=_price, usage_keys=USAGE, doc=__doc__ or "")
