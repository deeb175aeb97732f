"""google_logging_folder_bucket_config: a log bucket (folder level).

Prices:
    Logging data: per GB (usage: monthly_logging_data_gb).
Usage keys:
    monthly_logging_data_gb: GB of logs ingested a month.
Not priced / assumptions:
    Ingestion is billed when logs are stored in a log bucket; the first 50 GiB a project a month
    are free and not applied. Retention beyond 30 days and sinks to other products (BigQuery,
    Storage, Pub/Sub) are billed by those products.
References:
    https://cloud.google.com/stackdriver/pricing
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.base import Pricer, PricingContext, UsageKey, usage_component
from costgate.resources.google._common import GLOBAL, gcp_query

SERVICE = "Cloud Logging"
USAGE = (UsageKey("monthly_logging_data_gb", "float", "GB of logs ingested a month"),)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    yield usage_component(
        "Logging data",
        "GB",
        ctx.usage,
        "monthly_logging_data_gb",
        gcp_query(r, SERVICE, {"resourceGroup": "LogVolume"}, family="ApplicationServices", unit="GiBy", region=GLOBAL),
    )


PRICER = Pricer(type="google_logging_folder_bucket_config", price=_price, usage_keys=USAGE, doc=__doc__ or "")
