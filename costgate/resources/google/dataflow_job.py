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

from costgate.model import CostComponent, PriceQuery, Resource
from costgate.resources.base import Pricer, PricingContext, UsageKey, usage_component
from costgate.resources.google._common import gcp_query

USAGE = (
    UsageKey("monthly_vcpu_hours", "float", "Worker vCPU-hours a month"),
    UsageKey("monthly_memory_gb_hours", "float", "Worker memory GB-hours a month"),
    UsageKey("monthly_pd_gb_hours", "float", "Worker persistent disk GB-hours a month"),
    UsageKey("monthly_shuffle_data_gb", "float", "GB processed by Shuffle or Streaming Engine a month"),
)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    mode = (
        "streaming"
        if r.get("enable_streaming_engine") is True or "streaming" in str(r.get("template_gcs_path") or "").lower()
        else "batch"
    )

    def q(group: str, unit: str) -> PriceQuery:
        return gcp_query(
            r, "Dataflow", {"jobType": mode, "resourceGroup": group}, family="ApplicationServices", unit=unit
        )

    yield usage_component(f"Worker vCPUs ({mode})", "vCPU-hours", ctx.usage, "monthly_vcpu_hours", q("WorkerCPU", "h"))
    yield usage_component(
        f"Worker memory ({mode})", "GB-hours", ctx.usage, "monthly_memory_gb_hours", q("WorkerRAM", "GiBy.h")
    )
    yield usage_component(
        "Worker persistent disk", "GB-hours", ctx.usage, "monthly_pd_gb_hours", q("WorkerPD", "GiBy.h")
    )
    yield usage_component(
        f"Data processed ({mode})", "GB", ctx.usage, "monthly_shuffle_data_gb", q("ShuffleData", "GiBy")
    )


PRICER = Pricer(type="google_dataflow_job", price=_price, usage_keys=USAGE, doc=__doc__ or "")
