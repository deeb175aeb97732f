"""google_cloud_run_service: a Cloud Run service (v1, Knative-style API).

Prices:
    CPU and memory allocation time: per vCPU-second and GiB-second, request-based (the default,
    annotation run.googleapis.com/cpu-throttling not "false") or instance-based (usage).
    Number of requests: per request, with request-based billing (usage).
Usage keys:
    monthly_requests, average_request_duration_ms, concurrent_requests_per_instance: request-based usage.
    instance_hrs: hours each instance runs a month, instance-based billing, for each of the
    minScale instances (at least one; default 730 when there are minimum instances).
Not priced / assumptions:
    Limits default to 1 vCPU and 512 MiB. The monthly free tier is not applied.
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
    annotations = first(template, "metadata").get("annotations") or {}
    container = first(first(template, "spec"), "containers")
    limits = limits_of(container)
    instance_based = str(annotations.get("run.googleapis.com/cpu-throttling", "true")).lower() == "false"
    minimum = dec(annotations.get("autoscaling.knative.dev/minScale"), Decimal(0)) or Decimal(0)
    yield from run_components(
        r,
        ctx.usage,
        cpu_of(limits.get("cpu")),
        memory_gib(limits.get("memory")),
        instance_based=instance_based,
        min_instances=minimum,
    )


PRICER = Pricer(type="google_cloud_run_service", price=_price, usage_keys=RUN_USAGE, doc=__doc__ or "")
