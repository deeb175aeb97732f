"""aws_synthetics_canary: a CloudWatch Synthetics canary, billed per run.

Prices:
    Canary runs: per run (AmazonCloudWatch, family Canaries, group CW-Canaries, usagetype
    CW:Canary-runs). Runs a month from schedule.expression when start_canary is true:
    rate(N minutes) 730 x 60 / N, rate(N hours) 730 / N, rate(N days) 730 / 24 / N; rate(0 ...)
    runs once. A cron() schedule, or a canary Terraform does not start, depends on usage.
Usage keys:
    monthly_runs: canary runs a month (overrides the schedule).
Not priced / assumptions:
    The Lambda function each run invokes, its CloudWatch logs and metrics and the artifacts
    stored in S3 are billed by those services and not priced here. The free tier (100 runs a
    month per account) is not deducted.
References:
    https://aws.amazon.com/cloudwatch/pricing/
    https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Synthetics_Canaries_cron.html
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from costgate.model import HOURS_PER_MONTH, CostComponent, Resource
from costgate.resources.aws._common import aws_query, ut
from costgate.resources.base import Pricer, PricingContext, UsageKey, monthly

USAGE = (UsageKey("monthly_runs", "float", "Canary runs a month (overrides the schedule)"),)
RATE = re.compile(r"^rate\(\s*(\d+)\s+(minute|minutes|hour|hours|day|days)\s*\)$")
RUNS_AN_HOUR_EVERY_ONE = {"minute": Decimal(60), "hour": Decimal(1)}
"""Runs an hour of rate(1 <unit>); days are handled as 24 hours a run."""


def runs_a_month(expression: str) -> Decimal | None:
    """Runs a month of a rate() schedule; None for cron() or anything else."""
    match = RATE.match(expression.strip())
    if match is None:
        return None
    every = Decimal(match.group(1))
    if every == 0:
        return Decimal(1)  # rate(0 minute): one run when the canary starts
    unit = match.group(2).rstrip("s")
    if unit == "day":
        return HOURS_PER_MONTH / (Decimal(24) * every)
    return HOURS_PER_MONTH * RUNS_AN_HOUR_EVERY_ONE[unit] / every


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    given = ctx.usage.number("monthly_runs")
    started = r.get("start_canary") is True
    runs = (
        given
        if given is not None
        else runs_a_month(str(r.block("schedule").get("expression") or ""))
        if started
        else None
    )
    query = aws_query(
        r, "AmazonCloudWatch", "Canaries", {"group": "CW-Canaries", "usagetype": ut(r, "CW:Canary-runs")}, unit="Runs"
    )
    yield monthly("Canary runs", "runs", runs, query, usage_based=given is not None)


PRICER = Pricer(type="aws_synthetics_canary", price=_price, usage_keys=USAGE, doc=__doc__ or "")
