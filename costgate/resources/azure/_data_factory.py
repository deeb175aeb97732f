"""Azure Data Factory integration runtimes: the activity meters every runtime shares.

Azure bills Data Factory pipelines where they run: per 1,000 activity runs (orchestration)
and per hour of data movement (DIU-hours), pipeline and external activities, on the runtime
that runs them, at meters named "<Cloud|Self Hosted|Azure Managed VNET> <activity>" of product
"Azure Data Factory v2".
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import HOURS_PER_MONTH, CostComponent, PriceQuery, Resource
from costgate.resources.azure._common import azure_query, location_from
from costgate.resources.base import PricingContext, UsageKey, monthly, usage_component

SERVICE = "Azure Data Factory v2"
ACTIVITY_USAGE = (
    UsageKey("monthly_orchestration_runs", "float", "Activity runs a month"),
    UsageKey("monthly_data_movement_hours", "float", "Data movement a month (DIU-hours on Azure, hours self-hosted)"),
    UsageKey("monthly_pipeline_activity_hours", "float", "Pipeline activity execution hours a month"),
    UsageKey("monthly_external_pipeline_activity_hours", "float", "External pipeline activity execution hours a month"),
)


def query(r: Resource, ctx: PricingContext, attributes: dict[str, str], unit: str) -> PriceQuery:
    """A Data Factory meter at the runtime's location (its own, else its data factory's)."""
    return azure_query(
        r,
        SERVICE,
        {**attributes, "unitOfMeasure": unit},
        family="Analytics",
        unit=unit,
        region=location_from(r, ctx, "data_factory_id", "data_factory_name"),
    )


def activities(r: Resource, ctx: PricingContext, sku: str) -> Iterator[CostComponent]:
    """Orchestration, data movement, pipeline and external activities (usage) at `sku`'s meters."""
    usage = ctx.usage

    def meter(name: str, unit: str) -> PriceQuery:
        return query(r, ctx, {"productName": SERVICE, "skuName": sku, "meterName": f"{sku} {name}"}, unit)

    runs = usage.number("monthly_orchestration_runs")
    yield monthly(
        "Orchestration",
        "1K runs",
        None if runs is None else runs / 1000,
        meter("Orchestration Activity Run", "1K"),
        usage_based=True,
    )
    yield usage_component(
        "Data movement activity", "hours", usage, "monthly_data_movement_hours", meter("Data Movement", "1 Hour")
    )
    yield usage_component(
        "Pipeline activity", "hours", usage, "monthly_pipeline_activity_hours", meter("Pipeline Activity", "1 Hour")
    )
    yield usage_component(
        "External pipeline activity",
        "hours",
        usage,
        "monthly_external_pipeline_activity_hours",
        meter("External Pipeline Activity", "1 Hour"),
    )


def ssis_nodes(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    """An Azure-SSIS runtime's nodes per hour while it is started (node_size x number_of_nodes),
    by edition, licence included unless license_type = "BasePrice" (Azure Hybrid Benefit)."""
    size = str(r.get("node_size") or "Standard_D8_v3").removeprefix("Standard_").replace("_", " ")
    edition = str(r.get("edition") or "Standard").capitalize()
    licensed = str(r.get("license_type") or "LicenseIncluded") != "BasePrice"
    nodes = int(r.get("number_of_nodes") or 1)
    q = query(
        r,
        ctx,
        {"productName": f"SSIS {edition}", "skuName": size, "meterName": size if licensed else f"{size} AHB"},
        "1 Hour",
    )
    label = f"{size}, {edition}" + (", license included" if licensed else "")
    yield monthly(f"Compute ({label})", "hours", HOURS_PER_MONTH * nodes, q)
