"""azurerm_data_factory_integration_runtime_azure: an Azure-hosted Data Factory integration runtime.

Prices:
    Data flow compute per vCore-hour the flows' clusters run (usage), by compute_type
    (General, ComputeOptimized, MemoryOptimized) and core_count; activity runs, data
    movement, pipeline and external activities (usage), at the managed virtual network's
    meters when virtual_network_enabled.
Usage keys:
    monthly_data_flow_hours: hours data flow clusters of this runtime run a month.
    monthly_orchestration_runs, monthly_data_movement_hours, monthly_pipeline_activity_hours,
    monthly_external_pipeline_activity_hours.
Not priced / assumptions:
    Azure bills an idle Azure integration runtime nothing: data flow clusters run while a flow
    or a debug session does (plus time_to_live_min), data movement per DIU-hour used. The
    reference estimator prices compute and every activity meter for all 730 hours of the
    month; costgate prices them from usage.
References:
    https://azure.microsoft.com/pricing/details/data-factory/data-pipeline/
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from costgate.model import CostComponent, Resource
from costgate.resources.azure import _data_factory
from costgate.resources.base import Pricer, PricingContext, UsageKey, dec, monthly

USAGE = (
    UsageKey("monthly_data_flow_hours", "float", "Hours data flow clusters run a month"),
    *_data_factory.ACTIVITY_USAGE,
)
COMPUTE = {"general": "General Purpose", "computeoptimized": "Compute Optimized", "memoryoptimized": "Memory Optimized"}


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    kind = COMPUTE.get(str(r.get("compute_type") or "General").lower(), "General Purpose")
    cores = dec(r.get("core_count")) or Decimal(8)
    hours = ctx.usage.number("monthly_data_flow_hours")
    q = _data_factory.query(
        r, ctx, {"productName": f"Azure Data Factory v2 Data Flow - {kind}", "skuName": "vCore"}, "1 Hour"
    )
    yield monthly(
        f"Data flow compute ({kind}, {cores} vCores)",
        "vCore-hours",
        None if hours is None else hours * cores,
        q,
        usage_based=True,
    )
    vnet = r.get("virtual_network_enabled") is True
    yield from _data_factory.activities(r, ctx, "Azure Managed VNET" if vnet else "Cloud")


PRICER = Pricer(
    type="azurerm_data_factory_integration_runtime_azure", price=_price, usage_keys=USAGE, doc=__doc__ or ""
)
