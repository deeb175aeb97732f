"""google_cloudfunctions2_function: a 2nd-generation Cloud Function (Cloud Run functions).

Prices:
    Billed as a Cloud Run service: CPU and memory allocation time per vCPU-second and GiB-second
    with request-based billing, and requests (usage).
Usage keys:
    monthly_function_invocations: invocations a month.
    request_duration_ms: average invocation duration in milliseconds.
    concurrent_requests_per_instance: invocations an instance serves at once (default 1).
Not priced / assumptions:
    service_config.available_memory defaults to 256M and available_cpu to the share Google gives
    that memory (at least 0.1666 vCPU; 1 vCPU is assumed when unset). min_instance_count idle
    instances are not priced. The free tier is not applied.
References:
    https://cloud.google.com/functions/pricing
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.base import Pricer, PricingContext, Usage, UsageKey
from costgate.resources.google._run import cpu_of, memory_gib, run_components

USAGE = (
    UsageKey("monthly_function_invocations", "float", "Invocations a month"),
    UsageKey("request_duration_ms", "float", "Average invocation duration in milliseconds"),
    UsageKey("concurrent_requests_per_instance", "float", "Invocations an instance serves at once", 1),
)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    config = r.block("service_config")
    u = ctx.usage
    usage = Usage(
        {
            k: v
            for k, v in {
                "monthly_requests": u.number("monthly_function_invocations"),
                "average_request_duration_ms": u.number("request_duration_ms"),
                "concurrent_requests_per_instance": u.number("concurrent_requests_per_instance"),
            }.items()
            if v is not None
        }
    )
    yield from run_components(
        r,
        usage,
        cpu_of(config.get("available_cpu")),
        memory_gib(config.get("available_memory"), "256M"),
        instance_based=False,
    )


PRICER = Pricer(type="google_cloudfunctions2_function", price=_price, usage_keys=USAGE, doc=__doc__ or "")
