"""aws_sagemaker_endpoint: a SageMaker inference endpoint, priced from its endpoint configuration.

Prices:
    Real-time variants: initial_instance_count x instance hours of the variant's ML instance
    type (usage type Host:<type>), and its ML storage volume (volume_size_in_gb) per GB-month.
    Serverless variants: compute per second at the variant's memory size (usage type
    ServerlessInf:Mem-<n>GB), from usage: monthly_requests x request_duration_ms; provisioned
    concurrency is billed for every second it is configured (usage type name unverified).
Usage keys:
    monthly_requests: inference requests a month (serverless variants).
    request_duration_ms: average inference duration in ms (serverless variants).
Not priced / assumptions:
    The configuration is found through endpoint_config_name; without it (or when it is not in
    the plan) nothing can be known: one not-priced line says so. Autoscaling beyond
    initial_instance_count, shadow variants, asynchronous inference, data processed in/out and
    inference components are not priced. No shipped price source has SageMaker prices: every
    component shows as not priced until a catalog refresh.
References:
    https://aws.amazon.com/sagemaker/pricing/
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from decimal import Decimal
from typing import Any

from costgate.model import HOURS_PER_MONTH, CostComponent, Resource
from costgate.resources.aws._common import aws_query
from costgate.resources.aws._usagetype import regional_ut
from costgate.resources.base import Pricer, PricingContext, UsageKey, cannot_price, monthly, number

USAGE = (
    UsageKey("monthly_requests", "float", "Inference requests a month (serverless variants)"),
    UsageKey("request_duration_ms", "float", "Average inference duration in ms (serverless variants)"),
)
SECONDS_PER_HOUR = 3600


def _serverless(
    r: Resource, ctx: PricingContext, name: str, cfg: Mapping[str, Any], path: str
) -> Iterator[CostComponent]:
    gb = (number(cfg, "memory_size_in_mb", Decimal(1024)) or Decimal(1024)) / 1024
    shown = format(gb.normalize(), "f")
    q = aws_query(
        r,
        "AmazonSageMaker",
        "ML Serverless",
        {"usagetype": regional_ut(r, f"ServerlessInf:Mem-{shown}GB")},
        unit="Second",
    )
    requests, ms = ctx.usage.number("monthly_requests"), ctx.usage.number("request_duration_ms")
    seconds = None if requests is None or ms is None else requests * ms / 1000
    yield monthly(f"Serverless inference ({name}, {shown} GB)", "seconds", seconds, q, path=path, usage_based=True)
    if pc := number(cfg, "provisioned_concurrency"):
        pq = aws_query(
            r,
            "AmazonSageMaker",
            "ML Serverless",
            {"usagetype": regional_ut(r, f"ServerlessInf:PCMem-{shown}GB")},
            unit="Second",
        )
        yield monthly(
            f"Provisioned concurrency ({name}, {shown} GB)",
            "seconds",
            pc * HOURS_PER_MONTH * SECONDS_PER_HOUR,
            pq,
            path=path,
        )


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    config = ctx.resolve(r, "endpoint_config_name")
    if config is None:
        yield cannot_price(r, "Endpoint", "its endpoint configuration is outside the plan: nothing says what it runs")
        return
    for i, variant in enumerate(config.blocks("production_variants")):
        name, path = str(variant.get("variant_name") or f"variant-{i}"), f"{config.address}/production_variants[{i}]"
        serverless = variant.get("serverless_config")
        if serverless:
            yield from _serverless(r, ctx, name, serverless[0], path)
            continue
        itype = variant.get("instance_type")
        if not itype:
            continue
        count = number(variant, "initial_instance_count", Decimal(1)) or Decimal(1)
        q = aws_query(r, "AmazonSageMaker", "ML Instance", {"usagetype": regional_ut(r, f"Host:{itype}")}, unit="Hrs")
        yield monthly(f"Hosting instance ({name}, {itype})", "hours", HOURS_PER_MONTH * count, q, path=path)
        if size := number(variant, "volume_size_in_gb"):
            sq = aws_query(
                r, "AmazonSageMaker", "ML Storage", {"usagetype": regional_ut(r, "Host:VolumeUsage.gp2")}, unit="GB-Mo"
            )
            yield monthly(f"ML storage ({name})", "GB", size * count, sq, path=path)


PRICER = Pricer(type="aws_sagemaker_endpoint", price=_price, usage_keys=USAGE, doc=__doc__ or "")
