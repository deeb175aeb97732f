"""google_dataflow_job: a Dataflow batch or streaming job.

Prices:
    Worker vCPUs: per vCPU-hour; worker memory: per GB-hour; Persistent disk: per GB-hour;
    Streaming Engine / Shuffle data processed: per GB. All from usage, batch or streaming rates.
Usage keys:
    monthly_vcpu_hours: worker vCPU-hours a month.
    monthly_memory_gb_hours: worker GB-hours of memory a month.
    monthly_pd_gb_hours: GB-hours of worker persistent disk a month.
    monthly_shuffle_data_gb: GB processed by Dataflow Shuffle or Streaming Engine a month.
Not priced / assumptions:
    Worker counts scale with the data, so every quantity depends on usage. The workers'
    machine type sets vCPUs and memory per worker (usage hours are totals). The shipped catalog
    has no Dataflow rows, so the components show as not priced until `catalog refresh`.
References:
    https://cloud.google.com/dataflow/pricing
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.base import Pricer, PricingContext
from costgate.resources.google._dataflow import USAGE, job_components


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    yield from job_components(r, ctx, "template_gcs_path")


PRICER = Pricer(type="google_dataflow_job", price=_price, usage_keys=USAGE, doc=__doc__ or "")
