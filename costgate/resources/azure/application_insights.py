"""azurerm_application_insights: an Application Insights component.

Prices:
    Data ingested per GB (usage), at the Log Analytics ingestion meter ("Analytics Logs Data
    Ingestion"): a workspace-based component (workspace_id) ingests into its workspace; one
    without workspace_id into the default workspace Azure gives it in its own region. Without a
    workspace_id, retention beyond the free 90 days (retention_in_days) per GB-month of data
    kept, at the Log Analytics retention meter.
Usage keys:
    monthly_data_ingested_gb: telemetry ingested a month (GB).
Not priced / assumptions:
    Classic (non-workspace) components were retired by Azure in February 2024 and their
    telemetry is stored in a Log Analytics workspace; Microsoft's Azure Monitor usage documentation
    bills "most Application Insights usage for both classic and workspace-based resources" on Log
    Analytics meters, the Application Insights "Enterprise" meters only for legacy pricing tiers.
    costgate therefore prices every component at the Log Analytics meters (the reference
    estimator asks for the legacy "Enterprise Overage Data" meter). A workspace-based component's
    retention is the workspace's (azurerm_log_analytics_workspace); give the ingestion on one of
    the two, not both. Data kept beyond 90 days is taken as each month's ingestion times the
    extra months. Multi-step and ping web tests are their own resources.
References:
    https://azure.microsoft.com/pricing/details/monitor/
    https://learn.microsoft.com/azure/azure-monitor/cost-usage
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from costgate.model import CostComponent, PriceQuery, Resource
from costgate.resources.azure._common import azure_query, is_set
from costgate.resources.base import Pricer, PricingContext, UsageKey, monthly

USAGE = (UsageKey("monthly_data_ingested_gb", "float", "Telemetry ingested a month (GB)"),)
FREE_RETENTION_DAYS = 90


def _logs(r: Resource, meter: str, unit: str) -> PriceQuery:
    """A Log Analytics "Analytics Logs" meter in the component's location."""
    return azure_query(
        r,
        "Log Analytics",
        {"skuName": "Analytics Logs", "meterName": f"Analytics Logs {meter}", "unitOfMeasure": unit},
        family="Management and Governance",
        unit=unit,
    )


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    ingested = ctx.usage.number("monthly_data_ingested_gb")
    ingestion = _logs(r, "Data Ingestion", "1 GB")
    if is_set(r, "workspace_id"):
        yield monthly("Data ingested (Log Analytics workspace)", "GB", ingested, ingestion, usage_based=True)
        return
    yield monthly("Data ingested", "GB", ingested, ingestion, usage_based=True)
    days = int(r.get("retention_in_days") or FREE_RETENTION_DAYS)
    if days > FREE_RETENTION_DAYS:
        months = Decimal(days - FREE_RETENTION_DAYS) / 30
        yield monthly(
            f"Data retention ({days} days)",
            "GB",
            None if ingested is None else ingested * months,
            _logs(r, "Data Retention", "1 GB/Month"),
            usage_based=True,
        )


PRICER = Pricer(type="azurerm_application_insights", price=_price, usage_keys=USAGE, doc=__doc__ or "")
