"""Azure Automation meters shared by accounts, DSC configurations, job schedules and watchers.

Azure's Retail Prices list names them by productName "Process Automation" (job run time per
minute, watchers per hour: skuName "Basic") and "Configuration Management" (DSC nodes outside
Azure per month: skuName "Non-Azure").
"""

from __future__ import annotations

from costgate.model import CostComponent, PriceQuery, Resource
from costgate.resources.azure._common import azure_query, location_from
from costgate.resources.base import PricingContext, Usage, UsageKey, usage_component

PARENTS = ("automation_account_id", "automation_account_name")
JOB_USAGE = UsageKey("monthly_job_run_mins", "float", "Minutes runbook jobs run a month")
NODE_USAGE = UsageKey("non_azure_config_node_count", "int", "DSC nodes outside Azure managed a month")


def _q(r: Resource, ctx: PricingContext, product: str, sku: str, meter: str, unit: str) -> PriceQuery:
    return azure_query(
        r,
        "Automation",
        {"productName": product, "skuName": sku, "meterName": meter, "unitOfMeasure": unit},
        family="Management and Governance",
        unit=unit,
        region=location_from(r, ctx, *PARENTS),
    )


def job_run_time(r: Resource, ctx: PricingContext, usage: Usage) -> CostComponent:
    """Runbook job minutes (usage)."""
    return usage_component(
        "Job run time",
        "minutes",
        usage,
        JOB_USAGE.name,
        _q(r, ctx, "Process Automation", "Basic", "Basic Runtime", "1 Minute"),
        tiered=False,
    )


def config_nodes(r: Resource, ctx: PricingContext, usage: Usage) -> CostComponent:
    """DSC nodes outside Azure (usage); nodes in Azure are free."""
    return usage_component(
        "Non-Azure config nodes",
        "nodes",
        usage,
        NODE_USAGE.name,
        _q(r, ctx, "Configuration Management", "Non-Azure", "Non-Azure Node", "1/Month"),
        tiered=False,
    )


def watcher(r: Resource, ctx: PricingContext) -> PriceQuery:
    """The watcher meter, per hour."""
    return _q(r, ctx, "Process Automation", "Basic", "Watcher", "1 Hour")
