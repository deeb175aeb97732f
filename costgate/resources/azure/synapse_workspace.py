"""azurerm_synapse_workspace: an Azure Synapse Analytics workspace.

Prices:
    Serverless SQL pool data processed per TB (usage). Data flows: basic and standard
    vCore-hours (usage: instances x vCores x hours). Pipelines (usage): activity runs per
    1,000, data integration unit hours, pipeline and external activity hours, on the
    Azure-hosted runtime (the managed virtual network's when managed_virtual_network_enabled)
    and on self-hosted runtimes.
Usage keys:
    serverless_sql_pool_size_tb: data processed by serverless SQL a month (TB).
    dataflow_basic_instances, dataflow_basic_vcores, monthly_dataflow_basic_hours,
    dataflow_standard_instances, dataflow_standard_vcores, monthly_dataflow_standard_hours.
    monthly_datapipeline_azure_hosted_activity_runs, monthly_datapipeline_azure_hosted_data_integration_units,
    monthly_datapipeline_azure_hosted_data_integration_hours, monthly_datapipeline_azure_hosted_integration_runtime_hours,
    monthly_datapipeline_azure_hosted_external_integration_runtime_hours, monthly_datapipeline_self_hosted_activity_runs,
    monthly_datapipeline_self_hosted_data_movement_hours, monthly_datapipeline_self_hosted_integration_runtime_hours,
    monthly_datapipeline_self_hosted_external_integration_runtime_hours.
Not priced / assumptions:
    Activity runs are given in thousands (as the reference estimator's usage files give them).
    Serverless SQL is priced per TB from the first TB: Azure lists $5 per TB processed with no free
    allowance (the catalog's meter starts at 10 units, as the reference estimator asks for it).
    Dedicated SQL pools and Spark pools are their own resources; the workspace's storage
    account bills as storage.
References:
    https://azure.microsoft.com/pricing/details/synapse-analytics/
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from costgate.model import CostComponent, PriceQuery, Resource
from costgate.resources.azure._common import azure_query
from costgate.resources.base import Pricer, PricingContext, UsageKey, monthly, usage_component

PIPE = "monthly_datapipeline_"
USAGE = (
    UsageKey("serverless_sql_pool_size_tb", "float", "Data processed by serverless SQL a month (TB)"),
    *(
        UsageKey(f"dataflow_{t}_instances", "int", f"{t.capitalize()} data flow clusters")
        for t in ("basic", "standard")
    ),
    *(UsageKey(f"dataflow_{t}_vcores", "int", f"vCores of each {t} data flow cluster") for t in ("basic", "standard")),
    *(
        UsageKey(f"monthly_dataflow_{t}_hours", "float", f"Hours {t} data flows run a month")
        for t in ("basic", "standard")
    ),
    UsageKey(f"{PIPE}azure_hosted_activity_runs", "float", "Azure-hosted activity runs a month (thousands)"),
    UsageKey(f"{PIPE}azure_hosted_data_integration_units", "float", "Data integration units per copy"),
    UsageKey(f"{PIPE}azure_hosted_data_integration_hours", "float", "Hours of data integration a month"),
    UsageKey(f"{PIPE}azure_hosted_integration_runtime_hours", "float", "Azure-hosted pipeline activity hours a month"),
    UsageKey(
        f"{PIPE}azure_hosted_external_integration_runtime_hours",
        "float",
        "Azure-hosted external activity hours a month",
    ),
    UsageKey(f"{PIPE}self_hosted_activity_runs", "float", "Self-hosted activity runs a month (thousands)"),
    UsageKey(f"{PIPE}self_hosted_data_movement_hours", "float", "Self-hosted data movement hours a month"),
    UsageKey(f"{PIPE}self_hosted_integration_runtime_hours", "float", "Self-hosted pipeline activity hours a month"),
    UsageKey(
        f"{PIPE}self_hosted_external_integration_runtime_hours", "float", "Self-hosted external activity hours a month"
    ),
)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    u = ctx.usage

    def q(product: str, attrs: dict[str, str], unit: str) -> PriceQuery:
        return azure_query(
            r,
            "Azure Synapse Analytics",
            {"productName": f"Azure Synapse Analytics {product}", **attrs, "unitOfMeasure": unit},
            family="Analytics",
            unit=unit,
        )

    yield usage_component(
        "Serverless SQL pool size",
        "TB",
        u,
        "serverless_sql_pool_size_tb",
        q("Serverless SQL Pool", {"skuName": "Standard", "meterName": "Standard Data Processed"}, "1 TB"),
        tiered=False,
    )
    for tier in ("basic", "standard"):
        flow_hours: Decimal | None = Decimal(1)
        for key in (f"dataflow_{tier}_instances", f"dataflow_{tier}_vcores", f"monthly_dataflow_{tier}_hours"):
            part = u.number(key)
            flow_hours = None if part is None or flow_hours is None else flow_hours * part
        yield monthly(
            f"Data flow ({tier})",
            "vCore-hours",
            flow_hours,
            q(f"Data Flow - {tier.capitalize()}", {"skuName": "vCore", "meterName": "vCore"}, "1 Hour"),
            usage_based=True,
        )
    hosted = "Azure Hosted Managed VNET IR" if r.get("managed_virtual_network_enabled") is True else "Azure Hosted IR"
    units, hours = (
        u.number(f"{PIPE}azure_hosted_data_integration_units"),
        u.number(f"{PIPE}azure_hosted_data_integration_hours"),
    )
    for name, sku, meter, unit, quantity in (
        (
            "Data pipeline azure hosted activity runs",
            hosted,
            "Orchestration Activity Run",
            "1K",
            u.number(f"{PIPE}azure_hosted_activity_runs"),
        ),
        (
            "Data pipeline azure hosted data integration units",
            hosted,
            "Data Movement",
            "1 Hour",
            None if units is None or hours is None else units * hours,
        ),
        (
            "Data pipeline azure hosted integration runtime",
            hosted,
            "Pipeline Activity",
            "1 Hour",
            u.number(f"{PIPE}azure_hosted_integration_runtime_hours"),
        ),
        (
            "Data pipeline azure hosted external integration runtime",
            hosted,
            "External Pipeline Activity",
            "1 Hour",
            u.number(f"{PIPE}azure_hosted_external_integration_runtime_hours"),
        ),
        (
            "Data pipeline self hosted activity runs",
            "Self Hosted IR",
            "Orchestration Activity Run",
            "1K",
            u.number(f"{PIPE}self_hosted_activity_runs"),
        ),
        (
            "Data pipeline self hosted data movement",
            "Self Hosted IR",
            "Data Movement",
            "1 Hour",
            u.number(f"{PIPE}self_hosted_data_movement_hours"),
        ),
        (
            "Data pipeline self hosted integration runtime",
            "Self Hosted IR",
            "Pipeline Activity",
            "1 Hour",
            u.number(f"{PIPE}self_hosted_integration_runtime_hours"),
        ),
        (
            "Data pipeline self hosted external integration runtime",
            "Self Hosted IR",
            "External Pipeline Activity",
            "1 Hour",
            u.number(f"{PIPE}self_hosted_external_integration_runtime_hours"),
        ),
    ):
        unit_name = "1K activity runs" if unit == "1K" else "DIU-hours" if "integration units" in name else "hours"
        yield monthly(name, unit_name, quantity, _pipeline_meter(r, sku, f"{sku} {meter}", unit), usage_based=True)


def _pipeline_meter(r: Resource, sku: str, meter: str, unit: str) -> PriceQuery:
    """A pipeline meter of productName "Azure Synapse Analytics Pipelines": activity runs per "1K";
    the hourly meters without unitOfMeasure, which no Synapse listing confirms (the catalog unit is
    the hour, as for the same Data Factory meters)."""
    attrs = {"productName": "Azure Synapse Analytics Pipelines", "skuName": sku, "meterName": meter}
    if unit == "1K":
        attrs["unitOfMeasure"] = unit
    return azure_query(r, "Azure Synapse Analytics", attrs, family="Analytics", unit=unit)


PRICER = Pricer(type="azurerm_synapse_workspace", price=_price, usage_keys=USAGE, doc=__doc__ or "")
