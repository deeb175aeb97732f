"""google_bigquery_table: a BigQuery table.

Prices:
    Active storage: per GB (usage: monthly_active_storage_gb).
    Long-term storage: per GB (usage: monthly_long_term_storage_gb).
    Streaming inserts: per MB (usage: monthly_streaming_inserts_mb).
    Storage write API: per GB (usage: monthly_storage_write_api_gb).
    Storage read API: per TB (usage: monthly_storage_read_api_tb).
Usage keys:
    monthly_active_storage_gb: GB of active logical storage.
    monthly_long_term_storage_gb: GB of long-term logical storage.
    monthly_streaming_inserts_mb: MB streamed in with insertAll a month.
    monthly_storage_write_api_gb: GB ingested through the Storage Write API a month.
    monthly_storage_read_api_tb: TB read through the Storage Read API a month.
Not priced / assumptions:
    Logical (uncompressed) storage billing; physical storage billing (dataset
    storage_billing_model PHYSICAL) is not priced. Queries are priced on
    google_bigquery_dataset.
References:
    https://cloud.google.com/bigquery/pricing
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.base import Pricer, PricingContext, UsageKey, usage_component
from costgate.resources.google._common import gcp_query

SERVICE = "BigQuery"
USAGE = (
    UsageKey("monthly_active_storage_gb", "float", "GB of active logical storage"),
    UsageKey("monthly_long_term_storage_gb", "float", "GB of long-term logical storage"),
    UsageKey("monthly_streaming_inserts_mb", "float", "MB streamed in with insertAll a month"),
    UsageKey("monthly_storage_write_api_gb", "float", "GB ingested through the Storage Write API a month"),
    UsageKey("monthly_storage_read_api_tb", "float", "TB read through the Storage Read API a month"),
)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    yield usage_component(
        "Active storage",
        "GB",
        ctx.usage,
        "monthly_active_storage_gb",
        gcp_query(r, SERVICE, {"resourceGroup": "ActiveStorage"}, family="ApplicationServices", unit="GiBy.mo"),
    )
    yield usage_component(
        "Long-term storage",
        "GB",
        ctx.usage,
        "monthly_long_term_storage_gb",
        gcp_query(r, SERVICE, {"resourceGroup": "LongTermStorage"}, family="ApplicationServices", unit="GiBy.mo"),
    )
    yield usage_component(
        "Streaming inserts",
        "MB",
        ctx.usage,
        "monthly_streaming_inserts_mb",
        gcp_query(r, SERVICE, {"resourceGroup": "StreamingInserts"}, family="ApplicationServices", unit="MiBy"),
    )
    yield usage_component(
        "Storage write API",
        "GB",
        ctx.usage,
        "monthly_storage_write_api_gb",
        gcp_query(r, SERVICE, {"resourceGroup": "StorageWriteAPI"}, family="ApplicationServices", unit="GiBy"),
    )
    yield usage_component(
        "Storage read API",
        "TB",
        ctx.usage,
        "monthly_storage_read_api_tb",
        gcp_query(r, SERVICE, {"resourceGroup": "StorageReadAPI"}, family="ApplicationServices", unit="TiBy"),
    )


PRICER = Pricer(type="google_bigquery_table", price=_price, usage_keys=USAGE, doc=__doc__ or "")
