"""google_logging_metric: a user-defined log-based metric.

Prices:
    Metric data ingested: per MiB, in Cloud Monitoring's volume tiers (usage).
Usage keys:
    monthly_monitoring_data_mb: MiB of metric data the metric ingests a month.
Not priced / assumptions:
    Google bills user-defined log-based metrics as Cloud Monitoring metric data; the volume
    follows the matching log entries, so it comes from usage. System log-based metrics are free
    and are not declared in Terraform. The first 150 MiB a billing account ingests each month
    are free and not applied.
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


PRICER = Pricer(type="google_logging_metric", price=_price, usage_keys=(INGESTION_USAGE,), doc=__doc__ or "")
