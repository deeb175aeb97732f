"""google_cloud_run_v2_worker_pool: a Cloud Run worker pool (always-on instances without an endpoint).

Prices:
    CPU and memory allocation time: per vCPU-second and GiB-second at the instance-based rate
    of the region (worker pools are always billed instance-based), for the
    `scaling.manual_instance_count` instances all month (default 1).
Usage keys:
    instance_hrs: hours each instance runs a month (default 730).
Not priced / assumptions:
    Limits default to 1 vCPU and 512 MiB as for services. Worker pools serve no requests, so
    there is no request charge. The monthly free tier (per billing account) is not applied.
References:
    https://cloud.google.com/run/pricing
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from costgate.model import CostComponent, Resource
from costgate.resources.base import Pricer, PricingContext, UsageKey, dec
from costgate.resources.google._compute import first
from costgate.resources.google._run import cpu_of, limits_of, memory_gib, run_components

USAGE = (UsageKey("instance_hrs", "float", "Hours each instance runs a month", 730),)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    limits = limits_of(first(r.block("template"), "containers"))
    count = dec(r.block("scaling").get("manual_instance_count"), Decimal(1))
    yield from run_components(
        r,
        ctx.usage,
        cpu_of(limits.get("cpu")),
        memory_gib(limits.get("memory")),
        instance_based=True,
        min_instances=Decimal(1) if count is None else count,
    )


PRICER = Pricer(type="google_cloud_run_v2_worker_pool", price=_price, usage_keys=USAGE, doc=__doc__ or "")
