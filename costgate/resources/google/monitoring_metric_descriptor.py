"""google_monitoring_metric_descriptor: a custom Cloud Monitoring metric.

Prices:
    Metric data ingested: per MiB, in Cloud Monitoring's volume tiers (usage).
Usage keys:
    monthly_monitoring_data_mb: MiB of metric data the metric ingests a month.
Not priced / assumptions:
    Time series written to the metric are billed as metric data ingested (chargeable custom
    metrics); how much depends on write frequency and labels, so the quantity comes from usage.
    The first 150 MiB a billing account ingests each month are free and not applied.
References:
    https://cloud.google.com/stackdriver/pricing#monitoring-costs
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.base import Pricer, PricingContext
from costgate.resources.google._monitoring import INGESTION_USAGE, ingestion_components


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    yield from ingestion_components(r, ctx.usage)


PRICER = Pricer(
    type="google_monitoring_metric_descriptor", price=_price, usage_keys=(INGESTION_USAGE,), doc=__doc__ or ""
)
