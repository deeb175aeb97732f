"""aws_lambda_provisioned_concurrency_config: provisioned concurrency on a Lambda alias or version.

Prices:
    Provisioned concurrency: per GB-second kept warm = provisioned_concurrent_executions x the
    function's memory (GB) x the hours it is configured (730 a month unless
    monthly_duration_hrs says otherwise) x 3,600.
    Duration: per GB-second that requests run on the provisioned environments, at the
    provisioned duration rate = requests x duration (rounded up to 1 ms) x memory (GB)
    (usage: monthly_requests, request_duration_ms).
    Both at the x86_64 or the arm64 (Graviton) rate, from the function's architectures.
Usage keys:
    monthly_duration_hrs: hours a month the configuration is enabled (default: the whole month).
    monthly_requests: requests a month served by the provisioned environments.
    request_duration_ms: average request duration in milliseconds.
    memory_mb: the function's memory in MB, used only when the function is not in the plan.
    architecture: x86_64 or arm64, used only when the function is not in the plan.
Not priced / assumptions:
    The memory and architecture are the function's (memory_size, architectures), read through
    function_name; without the function in the plan they come from the usage file, and without
    memory_mb the components depend on usage. Requests are billed at the function's request
    rate on aws_lambda_function (give them there); requests above the provisioned capacity run
    at the on-demand duration rate there too. The shipped catalog has no provisioned-concurrency
    prices (the public price facts it is built from hold none), so both components are listed
    as not priced until `catalog refresh` brings them.
References:
    https://aws.amazon.com/lambda/pricing/#Provisioned_Concurrency_Pricing
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import ROUND_CEILING, Decimal

from costgate.model import HOURS_PER_MONTH, CostComponent, PriceQuery, Resource
from costgate.resources.aws._common import aws_query
from costgate.resources.base import Pricer, PricingContext, UsageKey, monthly, number

USAGE = (
    UsageKey("monthly_duration_hrs", "float", "Hours a month the provisioned concurrency is enabled (default 730)"),
    UsageKey("monthly_requests", "int", "Requests a month served by the provisioned environments"),
    UsageKey("request_duration_ms", "float", "Average request duration in milliseconds"),
    UsageKey("memory_mb", "int", "The function's memory in MB (only when the function is not in the plan)"),
    UsageKey("architecture", "str", "x86_64 or arm64 (only when the function is not in the plan)"),
)

MB_PER_GB = Decimal(1024)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    function = ctx.resolve(r, "function_name")
    if function is not None:
        memory_mb = number(function, "memory_size", Decimal(128))
        arm = "arm64" in (function.get("architectures") or [])
    else:
        memory_mb = ctx.usage.number("memory_mb")
        arm = (ctx.usage.text("architecture") or "x86_64") == "arm64"
    sfx = "-ARM" if arm else ""
    memory_gb = None if memory_mb is None else memory_mb / MB_PER_GB
    concurrency = number(r, "provisioned_concurrent_executions")
    hours = ctx.usage.number("monthly_duration_hrs")
    hours = HOURS_PER_MONTH if hours is None else hours
    kept_warm = None if memory_gb is None or concurrency is None else concurrency * memory_gb * hours * 3600
    requests, duration = ctx.usage.number("monthly_requests"), ctx.usage.number("request_duration_ms")
    running = None
    if memory_gb is not None and requests is not None and duration is not None:
        running = requests * duration.to_integral_value(rounding=ROUND_CEILING) / 1000 * memory_gb

    def q(group: str) -> PriceQuery:
        return aws_query(r, "AWSLambda", "Serverless", {"group": group + sfx})

    yield monthly(
        "Provisioned concurrency",
        "GB-seconds",
        kept_warm,
        q("AWS-Lambda-Provisioned-Concurrency"),
        usage_based=memory_gb is None or ctx.usage.number("monthly_duration_hrs") is not None,
    )
    yield monthly("Duration", "GB-seconds", running, q("AWS-Lambda-Duration-Provisioned"), usage_based=True)


PRICER = Pricer(type="aws_lambda_provisioned_concurrency_config", price=_price, usage_keys=USAGE, doc=__doc__ or "")
