"""azurerm_stream_analytics_job: an Azure Stream Analytics job.

Prices:
    Streaming units (streaming_units, default 3) per hour while the job runs.
Usage keys:
    None.
Not priced / assumptions:
    A stopped job bills nothing; the job is counted as running all month. A job on a dedicated
    cluster (stream_analytics_cluster_id) bills on the cluster. Inputs and outputs are free
    resources; the services they read and write bill there.
References:
    https://azure.microsoft.com/pricing/details/stream-analytics/
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from costgate.model import HOURS_PER_MONTH, CostComponent, Resource
from costgate.resources.azure._common import azure_query, is_set
from costgate.resources.base import Pricer, PricingContext, dec, monthly, no_charge


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    if is_set(r, "stream_analytics_cluster_id"):
        yield no_charge(r, "Job", "runs on a Stream Analytics cluster: billed on the azurerm_stream_analytics_cluster")
        return
    units = dec(r.get("streaming_units")) or Decimal(3)
    q = azure_query(
        r,
        "Stream Analytics",
        {"skuName": "Standard", "meterName": "Standard Streaming Unit", "unitOfMeasure": "1 Hour"},
        family="Internet of Things",
        unit="1 Hour",
    )
    yield monthly(f"Streaming units ({units})", "hours", HOURS_PER_MONTH * units, q)


PRICER = Pricer(type="azurerm_stream_analytics_job", price=_price, doc=__doc__ or "")
