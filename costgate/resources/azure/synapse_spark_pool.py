"""azurerm_synapse_spark_pool: an Apache Spark pool of a Synapse workspace.

Prices:
    vCore-hours the pool runs (usage: hours a month) x nodes (node_count, or the auto_scale
    minimum) x the vCores of node_size (Small 4, Medium 8, Large 16, XLarge 32, XXLarge 64,
    XXXLarge 80), at the memory-optimized (or hardware-accelerated) serverless Spark meter.
Usage keys:
    monthly_hours: hours the pool runs a month (it pauses when idle with auto_pause).
Not priced / assumptions:
    An autoscaling pool is counted at its minimum nodes; give more hours to cover scale-out.
    The location is the workspace's (synapse_workspace_id).
References:
    https://azure.microsoft.com/pricing/details/synapse-analytics/
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from costgate.model import CostComponent, Resource
from costgate.resources.azure._common import azure_query, location_from
from costgate.resources.base import Pricer, PricingContext, UsageKey, dec, monthly

USAGE = (UsageKey("monthly_hours", "float", "Hours the pool runs a month"),)
VCORES = {"small": 4, "medium": 8, "large": 16, "xlarge": 32, "xxlarge": 64, "xxxlarge": 80}
FAMILIES = {"memoryoptimized": "Memory Optimized", "hardwareaccelerated": "Hardware Accelerated"}


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    size = str(r.get("node_size") or "Small")
    nodes = dec(r.get("node_count")) or dec(r.block("auto_scale").get("min_node_count")) or Decimal(3)
    family = FAMILIES.get(str(r.get("node_size_family") or "MemoryOptimized").lower(), "Memory Optimized")
    hours = ctx.usage.number("monthly_hours")
    vcores = Decimal(VCORES.get(size.lower(), 4))
    q = azure_query(
        r,
        "Azure Synapse Analytics",
        {
            "productName": f"Azure Synapse Analytics Serverless Apache Spark Pool - {family}",
            "skuName": "vCore",
            "meterName": "vCore",
            "unitOfMeasure": "1 Hour",
        },
        family="Analytics",
        unit="1 Hour",
        region=location_from(r, ctx, "synapse_workspace_id"),
    )
    yield monthly(
        f"{size.lower()} ({nodes} nodes)",
        "vCore-hours",
        None if hours is None else hours * nodes * vcores,
        q,
        usage_based=True,
    )


PRICER = Pricer(type="azurerm_synapse_spark_pool", price=_price, usage_keys=USAGE, doc=__doc__ or "")
