"""aws_sfn_state_machine: a Step Functions state machine (standard or express workflow).

Prices:
    Standard: state transitions, per 1K (usage: monthly_transitions).
    Express: requests, per 1M (usage: monthly_requests), and duration in GB-hours: each
    execution's duration rounded up to 100 ms times its memory rounded up to 64 MB (minimum
    64 MB), tiered by AWS (usage: monthly_requests, workflow_duration_ms, memory_mb).
Usage keys:
    monthly_transitions: state transitions a month (standard workflows).
    monthly_requests: executions a month (express workflows).
    workflow_duration_ms: average execution duration in ms (express workflows).
    memory_mb: average memory an execution uses, in MB (express workflows).
Not priced / assumptions:
    type defaults to STANDARD, as in the provider. The free tier (4,000 standard transitions a
    month) is not subtracted. Services the workflow calls are billed by those services.
References:
    https://aws.amazon.com/step-functions/pricing/
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import ROUND_CEILING, Decimal

from costgate.model import CostComponent, Resource
from costgate.resources.aws._common import aws_query
from costgate.resources.aws._usagetype import regional_ut
from costgate.resources.base import Pricer, PricingContext, UsageKey, monthly, usage_component

USAGE = (
    UsageKey("monthly_transitions", "int", "State transitions a month (standard workflows)"),
    UsageKey("monthly_requests", "int", "Executions a month (express workflows)"),
    UsageKey("workflow_duration_ms", "int", "Average execution duration in ms (express workflows)"),
    UsageKey("memory_mb", "int", "Average memory an execution uses, in MB (express workflows)"),
)
SECONDS_PER_HOUR = 3600


def _round_up(value: Decimal, step: int) -> Decimal:
    return (value / step).to_integral_value(rounding=ROUND_CEILING) * step


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    u = ctx.usage
    if str(r.get("type", "STANDARD")).upper() != "EXPRESS":
        q = aws_query(
            r,
            "AmazonStates",
            "AWS Step Functions",
            {"usagetype": regional_ut(r, "StateTransition")},
            unit="Transitions",
        )
        yield usage_component("Transitions", "1K transitions", u, "monthly_transitions", q, per=1000)
        return
    req = aws_query(
        r, "AmazonStates", "AWS Step Functions", {"usagetype": regional_ut(r, "StepFunctions-Request")}, unit="Requests"
    )
    yield usage_component("Requests", "1M requests", u, "monthly_requests", req, per=1_000_000)
    requests, ms, mb = u.number("monthly_requests"), u.number("workflow_duration_ms"), u.number("memory_mb")
    gb_hours = None
    if requests is not None and ms is not None and mb is not None:
        seconds = requests * _round_up(ms, 100) / 1000
        gb_hours = seconds * _round_up(max(mb, Decimal(64)), 64) / 1024 / SECONDS_PER_HOUR
    dur = aws_query(
        r,
        "AmazonStates",
        "AWS Step Functions",
        {"usagetype": regional_ut(r, "StepFunctions-GB-Second")},
        unit="GB-Second",
    )
    yield monthly("Duration", "GB-hours", gb_hours, dur, usage_based=True, unit_multiplier=SECONDS_PER_HOUR)


PRICER = Pricer(type="aws_sfn_state_machine", price=_price, usage_keys=USAGE, doc=__doc__ or "")
