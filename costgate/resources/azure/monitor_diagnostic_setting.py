"""azurerm_monitor_diagnostic_setting: where a resource's platform logs and metrics are sent.

Prices:
    Platform logs processed: per GB of resource logs routed to a storage account, an Event Hub or
    a partner solution (Azure Monitor skuName "Platform Logs", meterName "Platform Logs Data
    Processed"), counted once per such destination, from usage.
Usage keys:
    monthly_platform_logs_gb: GB of resource logs the setting routes a month.
Not priced / assumptions:
    Logs sent to a Log Analytics workspace bill as ingestion on the workspace
    (azurerm_log_analytics_workspace), not here: a setting with only that destination has no
    line. The storage account and Event Hub bill their own capacity and throughput. Azure meters
    only some log categories; give the GB of those. Looked up in the location of the target
    resource (target_resource_id) when it is in the configuration, else the default location.
References:
    https://azure.microsoft.com/pricing/details/monitor/
    https://learn.microsoft.com/azure/azure-monitor/cost-usage
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.azure._common import azure_query, consumption, location_from
from costgate.resources.base import Pricer, PricingContext, UsageKey, monthly, no_charge

USAGE = (UsageKey("monthly_platform_logs_gb", "float", "GB of resource logs routed a month"),)
DESTINATIONS = (
    ("storage_account_id", "storage"),
    ("eventhub_authorization_rule_id", "Event Hubs"),
    ("partner_solution_id", "partner"),
)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    targets = [label for attr, label in DESTINATIONS if r.get(attr) or r.is_unknown(attr)]
    if not targets:
        yield no_charge(
            r,
            "Platform logs",
            "routed to a Log Analytics workspace only (or nowhere billed): billed as that workspace's ingestion",
        )
        return
    attrs = consumption({"skuName": "Platform Logs", "meterName": "Platform Logs Data Processed"}, "1 GB")
    gb = ctx.usage.number("monthly_platform_logs_gb")
    yield monthly(
        f"Platform logs processed ({', '.join(targets)})",
        "GB",
        None if gb is None else gb * len(targets),
        azure_query(
            r,
            "Azure Monitor",
            attrs,
            family="Management and Governance",
            unit="1 GB",
            region=location_from(r, ctx, "target_resource_id"),
        ),
        usage_based=True,
    )


PRICER = Pricer(type="azurerm_monitor_diagnostic_setting", price=_price, usage_keys=USAGE, doc=__doc__ or "")
