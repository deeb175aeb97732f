"""Cloud Monitoring charges shared by metric-producing resources: metric data ingested, per MiB,
in the catalog's volume tiers (resourceGroup MonitoringData)."""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.base import Usage, UsageKey, usage_component
from costgate.resources.google._common import gcp_query

INGESTION_USAGE = UsageKey("monthly_monitoring_data_mb", "float", "MiB of metric data ingested a month")


def ingestion_components(r: Resource, usage: Usage) -> Iterator[CostComponent]:
    """Metric data ingested (usage), billed by volume tiers."""
    q = gcp_query(
        r,
        "Cloud Monitoring",
        {"resourceGroup": "MonitoringData", "usageType": "OnDemand"},
        family="Monitoring",
        unit="MiBy",
    )
    yield usage_component("Metric data ingested", "MiB", usage, "monthly_monitoring_data_mb", q)
