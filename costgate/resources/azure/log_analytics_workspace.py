"""azurerm_log_analytics_workspace: a Log Analytics workspace (Azure Monitor Logs).

Prices:
    Pay-as-you-go (sku PerGB2018): analytics log ingestion per GB (usage). Commitment tiers
    (sku CapacityReservation): the tier of reservation_capacity_in_gb_per_day per day (a
    reservation between tiers takes the lower one). Microsoft Sentinel ingestion per GB (usage)
    when Sentinel is on for the workspace (an azurerm_log_analytics_solution of
    SecurityInsights, an onboarding or a Sentinel data connector references it).
    Retention beyond the free 31 days (retention_in_days) per GB-month (usage), log data
    export, basic log ingestion and search, archive storage, restores and search jobs (usage).
Usage keys:
    monthly_log_data_ingestion_gb, monthly_sentinel_data_ingestion_gb,
    monthly_additional_log_data_retention_gb, monthly_log_data_export_gb,
    monthly_basic_log_data_ingestion_gb, monthly_basic_log_search_gb,
    monthly_archived_data_gb, monthly_archived_data_restored_gb, monthly_archived_data_searched_gb.
Not priced / assumptions:
    The Free sku yields a no-charge line (500 MB a day, 7 days' retention). Legacy skus (PerNode,
    Standalone, Standard, Premium) are looked up by name and reported unpriced. The free 5 GB
    a month of the pay-as-you-go tier is not subtracted. A commitment tier bills every day of
    the month (priced per day, shown per hour).
References:
    https://azure.microsoft.com/pricing/details/monitor/
    https://azure.microsoft.com/pricing/details/microsoft-sentinel/
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from costgate.model import HOURS_PER_MONTH, CostComponent, PriceQuery, Resource
from costgate.resources.azure._common import PER_DAY, azure_query
from costgate.resources.base import Pricer, PricingContext, UsageKey, dec, monthly, no_charge, usage_component

USAGE = (
    UsageKey("monthly_log_data_ingestion_gb", "float", "Analytics logs ingested a month (GB)"),
    UsageKey("monthly_sentinel_data_ingestion_gb", "float", "Data analysed by Microsoft Sentinel a month (GB)"),
    UsageKey("monthly_additional_log_data_retention_gb", "float", "Data kept beyond the free 31 days (GB-month)"),
    UsageKey("monthly_log_data_export_gb", "float", "Data exported by export rules a month (GB)"),
    UsageKey("monthly_basic_log_data_ingestion_gb", "float", "Basic logs ingested a month (GB)"),
    UsageKey("monthly_basic_log_search_gb", "float", "Basic logs scanned by queries a month (GB)"),
    UsageKey("monthly_archived_data_gb", "float", "Archived log data stored (GB-month)"),
    UsageKey("monthly_archived_data_restored_gb", "float", "Archived data restored a month (GB-days)"),
    UsageKey("monthly_archived_data_searched_gb", "float", "Archived data scanned by search jobs a month (GB)"),
)
TIERS = (100, 200, 300, 400, 500, 1000, 2000, 5000, 10000, 25000, 50000)
FREE_RETENTION_DAYS = 31
SENTINEL_REFS = (
    ("azurerm_sentinel_log_analytics_workspace_onboarding", "workspace_id"),
    *(
        (f"azurerm_sentinel_data_connector_{k}", "log_analytics_workspace_id")
        for k in (
            "azure_active_directory",
            "azure_security_center",
            "microsoft_cloud_app_security",
            "threat_intelligence",
            "azure_advanced_threat_protection",
            "microsoft_defender_advanced_threat_protection",
            "office_365",
            "aws_cloud_trail",
            "aws_s3",
            "office_atp",
            "microsoft_threat_protection",
            "iot",
            "dynamics_365",
        )
    ),
)


def _sentinel(r: Resource, ctx: PricingContext) -> bool:
    for solution in ctx.referencing(r, "azurerm_log_analytics_solution", "workspace_resource_id"):
        if "SecurityInsights" in str(solution.block("plan").get("product") or ""):
            return True
    return any(ctx.referencing(r, rtype, attribute) for rtype, attribute in SENTINEL_REFS)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    sku = str(r.get("sku") or "PerGB2018")
    if sku == "Free":
        yield no_charge(r, "Workspace", "legacy Free tier (500 MB of ingestion a day, no charge)")
        return

    def q(service: str, sku_name: str, meter: str, unit: str) -> PriceQuery:
        return azure_query(
            r,
            service,
            {"skuName": sku_name, "meterName": meter, "unitOfMeasure": unit},
            family="Management and Governance",
            unit=unit,
        )

    if sku == "CapacityReservation":
        wanted = int(dec(r.get("reservation_capacity_in_gb_per_day"), Decimal(100)) or 100)
        tier = max([t for t in TIERS if t <= wanted] or [TIERS[0]])
        yield monthly(
            f"Log data ingestion ({tier} GB a day commitment)",
            "hours",
            HOURS_PER_MONTH,
            q(
                "Azure Monitor",
                f"{tier} GB Commitment Tier",
                f"{tier} GB Commitment Tier Capacity Reservation",
                "1/Day",
            ),
            unit_multiplier=PER_DAY,
        )
    elif sku == "PerGB2018":
        yield usage_component(
            "Log data ingestion",
            "GB",
            ctx.usage,
            "monthly_log_data_ingestion_gb",
            q("Log Analytics", "Analytics Logs", "Analytics Logs Data Ingestion", "1 GB"),
        )
    else:
        yield usage_component(
            f"Log data ingestion ({sku})",
            "GB",
            ctx.usage,
            "monthly_log_data_ingestion_gb",
            q("Log Analytics", sku, f"{sku} Data Ingestion", "1 GB"),
        )
    if _sentinel(r, ctx):
        yield usage_component(
            "Sentinel data ingestion",
            "GB",
            ctx.usage,
            "monthly_sentinel_data_ingestion_gb",
            q("Sentinel", "Pay-as-you-go", "Pay-as-you-go Analysis", "1 GB"),
        )
    if int(r.get("retention_in_days") or 30) > FREE_RETENTION_DAYS:
        yield usage_component(
            "Log data retention",
            "GB",
            ctx.usage,
            "monthly_additional_log_data_retention_gb",
            q("Log Analytics", "Analytics Logs", "Analytics Logs Data Retention", "1 GB/Month"),
        )
    for name, key, sku_name, meter, unit in (
        (
            "Log data export",
            "monthly_log_data_export_gb",
            "Log Analytics data export",
            "Log Analytics data export Data Exported",
            "1 GB",
        ),
        (
            "Basic log data ingestion",
            "monthly_basic_log_data_ingestion_gb",
            "Basic Logs",
            "Basic Logs Data Ingestion",
            "1 GB",
        ),
        ("Basic log search queries", "monthly_basic_log_search_gb", "Search Queries", "Search Queries Scanned", "1 GB"),
        ("Archive data", "monthly_archived_data_gb", "Data Archive", "Data Archive", "1 GB/Month"),
        ("Archive data restored", "monthly_archived_data_restored_gb", "Data Restore", "Data Restore", "1 GB/Day"),
        ("Archive data searched", "monthly_archived_data_searched_gb", "Search Jobs", "Search Jobs Scanned", "1 GB"),
    ):
        yield usage_component(name, "GB", ctx.usage, key, q("Azure Monitor", sku_name, meter, unit))


PRICER = Pricer(type="azurerm_log_analytics_workspace", price=_price, usage_keys=USAGE, doc=__doc__ or "")
