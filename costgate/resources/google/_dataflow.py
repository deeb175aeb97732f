"""Dataflow job components shared by classic-template and Flex Template jobs.

Both bill the same SKUs: worker vCPU, memory and persistent disk hours and the data processed
by Dataflow Shuffle or Streaming Engine, at batch or streaming rates. Worker counts scale with
the data, so every quantity comes from usage.
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, PriceQuery, Resource
from costgate.resources.base import PricingContext, UsageKey, usage_component
from costgate.resources.google._common import gcp_query

USAGE = (
    UsageKey("monthly_vcpu_hours", "float", "Worker vCPU-hours a month"),
    UsageKey("monthly_memory_gb_hours", "float", "Worker memory GB-hours a month"),
    UsageKey("monthly_pd_gb_hours", "float", "Worker persistent disk GB-hours a month"),
    UsageKey("monthly_shuffle_data_gb", "float", "GB processed by Shuffle or Streaming Engine a month"),
)
"""Usage keys of a Dataflow job (the oracle's names for google_dataflow_job)."""


def job_components(r: Resource, ctx: PricingContext, template_path: str) -> Iterator[CostComponent]:
    """Worker and data-processing components, streaming when Streaming Engine is on or the
    template's path names a streaming template."""
    streaming = r.get("enable_streaming_engine") is True or "streaming" in str(r.get(template_path) or "").lower()
    mode = "streaming" if streaming else "batch"

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
