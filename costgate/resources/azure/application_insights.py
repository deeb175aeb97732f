"""azurerm_application_insights: an Application Insights component.

Prices:
    Data ingested per GB (usage). A classic component (no workspace_id) at Application
    Insights' own meter, with retention beyond the free 90 days (retention_in_days) per
    GB-month of data kept; a workspace-based component (workspace_id) ingests into its
    Log Analytics workspace at the analytics-logs meter there.
Usage keys:
    monthly_data_ingested_gb: telemetry ingested a month (GB).
Not priced / assumptions:
    A workspace-based component's retention is the workspace's (azurerm_log_analytics_workspace);
    give the ingestion on one of the two, not both. Data kept beyond 90 days is taken as
    each month's ingestion times the extra months. The free 5 GB a month is not subtracted.
    Multi-step and ping web tests are their own resources.
References:
    https://azure.microsoft.com/pricing/details/monitor/
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from costgate.model import CostComponent, PriceQuery, Resource
from costgate.resources.azure._common import azure_query, is_set
from costgate.resources.base import Pricer, PricingContext, UsageKey, monthly

USAGE = (UsageKey("monthly_data_ingested_gb", "float", "Telemetry ingested a month (GB)"),)
FREE_RETENTION_DAYS = 90


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    ingested = ctx.usage.number("monthly_data_ingested_gb")
    if is_set(r, "workspace_id"):
        q = azure_query(
            r,
            "Log Analytics",
            {"skuName": "Analytics Logs", "meterName": "Analytics Logs Data Ingestion", "unitOfMeasure": "1 GB"},
            family="Management and Governance",
            unit="1 GB",
        )
        yield monthly("Data ingested (Log Analytics workspace)", "GB", ingested, q, usage_based=True)
        return

    def q2(meter: str, unit: str) -> PriceQuery:
        return azure_query(
            r,
            "Application Insights",
            {"skuName": "Enterprise", "meterName": meter, "unitOfMeasure": unit},
            family="Management and Governance",
            unit=unit,
        )

    yield monthly("Data ingested", "GB", ingested, q2("Enterprise Overage Data", "1 GB"), usage_based=True)
    days = int(r.get("retention_in_days") or FREE_RETENTION_DAYS)
    if days > FREE_RETENTION_DAYS:
        months = Decimal(days - FREE_RETENTION_DAYS) / 30
        yield monthly(
            f"Data retention ({days} days)",
            "GB",
            None if ingested is None else ingested * months,
            q2("Data Retention", "1 GB/Month"),
            usage_based=True,
        )


PRICER = Pricer(type="azurerm_application_insights", price=_price, usage_keys=USAGE, doc=__doc__ or "")
