"""azurerm_monitor_data_collection_rule: an Azure Monitor data collection rule.

Prices:
    Custom metric samples ingested, per 10 million (usage).
Usage keys:
    monthly_custom_metrics_samples: metric samples the rule sends to Azure Monitor Metrics a month.
Not priced / assumptions:
    Logs the rule sends to a Log Analytics workspace are priced on the workspace
    (azurerm_log_analytics_workspace usage). Prometheus metrics sent to an Azure Monitor
    workspace are not priced.
References:
    https://azure.microsoft.com/pricing/details/monitor/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.azure import _monitor
from costgate.resources.base import Pricer, PricingContext, UsageKey, monthly

USAGE = (UsageKey("monthly_custom_metrics_samples", "float", "Custom metric samples ingested a month"),)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    samples = ctx.usage.number("monthly_custom_metrics_samples")
    yield monthly(
        "Metrics ingestion",
        "10M samples",
        None if samples is None else samples / 10_000_000,
        _monitor.query(r, "Metrics ingestion", "Metrics ingestion Metric samples", "10M"),
        usage_based=True,
    )


PRICER = Pricer(type="azurerm_monitor_data_collection_rule", price=_price, usage_keys=USAGE, doc=__doc__ or "")
