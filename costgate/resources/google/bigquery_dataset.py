"""google_bigquery_dataset: a BigQuery dataset.

Prices:
    Queries (on-demand): per TB (usage: monthly_queries_tb).
Usage keys:
    monthly_queries_tb: TB scanned by on-demand queries a month.
Not priced / assumptions:
    Storage is priced on google_bigquery_table. Capacity (slot) pricing through reservations is
    not priced here. A multi-region location (US, EU) is looked up at the region the reader
    gives the dataset (its provider region).
References:
    https://cloud.google.com/bigquery/pricing
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.base import Pricer, PricingContext, UsageKey, usage_component
from costgate.resources.google._common import gcp_query

SERVICE = "BigQuery"
USAGE = (UsageKey("monthly_queries_tb", "float", "TB scanned by on-demand queries a month"),)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    yield usage_component(
        "Queries (on-demand)",
        "TB",
        ctx.usage,
        "monthly_queries_tb",
        gcp_query(r, SERVICE, {"resourceGroup": "AnalysisOnDemand"}, family="ApplicationServices", unit="TiBy"),
    )


PRICER = Pricer(type="google_bigquery_dataset", price=_price, usage_keys=USAGE, doc=__doc__ or "")
