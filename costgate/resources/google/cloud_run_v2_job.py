"""google_cloud_run_v2_job: a Cloud Run job (tasks that run to completion).

Prices:
    CPU and memory allocation time: per vCPU-second and GiB-second at instance-based rates, for
    executions x task_count x the average task duration (usage).
Usage keys:
    monthly_executions: job executions a month.
    average_task_duration_s: seconds a task runs on average.
Not priced / assumptions:
    Limits default to 1 vCPU and 512 MiB; task_count defaults to 1. The free tier is not applied.
References:
    https://cloud.google.com/run/pricing
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from costgate.model import CostComponent, Resource
from costgate.resources.base import Pricer, PricingContext, Usage, UsageKey, dec
from costgate.resources.google._compute import first
from costgate.resources.google._run import cpu_of, limits_of, memory_gib, run_components

USAGE = (
    UsageKey("monthly_executions", "float", "Job executions a month"),
    UsageKey("average_task_duration_s", "float", "Seconds a task runs on average"),
)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    template = r.block("template")
    tasks = dec(template.get("task_count"), Decimal(1)) or Decimal(1)
    limits = limits_of(first(first(template, "template"), "containers"))
    runs, seconds = ctx.usage.number("monthly_executions"), ctx.usage.number("average_task_duration_s")
    hours = None if runs is None or seconds is None else runs * tasks * seconds / 3600
    usage = Usage({} if hours is None else {"instance_hrs": hours})
    yield from run_components(
        r, usage, cpu_of(limits.get("cpu")), memory_gib(limits.get("memory")), instance_based=True
    )


PRICER = Pricer(type="google_cloud_run_v2_job", price=_price, usage_keys=USAGE, doc=__doc__ or "")
