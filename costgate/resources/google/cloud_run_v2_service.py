"""google_cloud_run_v2_service: a Cloud Run service (v2 API).

Prices:
    CPU and memory allocation time: per vCPU-second and GiB-second, request-based (cpu_idle, the
    default: billed while serving requests) or instance-based (cpu_idle = false: billed while
    instances run), at the region's tier-1 or tier-2 rate (usage).
    Number of requests: per request, with request-based billing (usage).
Usage keys:
    monthly_requests, average_request_duration_ms, concurrent_requests_per_instance: request-based usage.
    instance_hrs: hours each instance runs a month, instance-based billing, for each of
    min_instance_count instances (at least one; default 730 when there are minimum instances).
Not priced / assumptions:
    Limits default to 1 vCPU and 512 MiB. The monthly free tier (per billing account) is not
    applied. Idle minimum instances of request-based services are not priced.
References:
    https://cloud.google.com/run/pricing
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from costgate.model import CostComponent, Resource
from costgate.resources.base import Pricer, PricingContext, dec
from costgate.resources.google._compute import first
from costgate.resources.google._run import RUN_USAGE, cpu_of, limits_of, memory_gib, run_components


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    template = r.block("template")
    container = first(template, "containers")
    limits = limits_of(container)
    res = first(container, "resources")
    instance_based = res.get("cpu_idle") is False
    minimum = dec(first(template, "scaling").get("min_instance_count"), Decimal(0)) or Decimal(0)
    yield from run_components(
        r,
        ctx.usage,
        cpu_of(limits.get("cpu")),
        memory_gib(limits.get("memory")),
        instance_based=instance_based,
        min_instances=minimum,
    )


PRICER = Pricer(type="google_cloud_run_v2_service", price=_price, usage_keys=RUN_USAGE, doc=__doc__ or "")
