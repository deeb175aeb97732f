"""CG502 long-non-production-log-retention: long log retention outside production.

What it flags:
    `aws_cloudwatch_log_group` resources outside production whose `retention_in_days`
    exceeds `max_days` (default 30).
Why it costs:
    Development and staging logs are rarely read after a few days, yet a year's retention
    bills twelve times the storage of a month's.
Example:
    resource "aws_cloudwatch_log_group" "staging" { retention_in_days = 365 }
Cheaper alternative:
    `retention_in_days = 14` or 30 outside production.
Saving estimate:
    None: stored volume depends on log traffic.
Parameters:
    max_days (int, default 30): the longest retention allowed outside production.
References:
    https://aws.amazon.com/cloudwatch/pricing/
"""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import BaseModel, ConfigDict, Field

from costgate.gate.model import Severity
from costgate.gate.rule import Hit, Rule, RuleContext, Status


class Params(BaseModel):
    """Parameters of CG502."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    max_days: int = Field(30, ge=1)


def check(ctx: RuleContext, params: Params) -> Iterator[Hit]:
    """Flag non-production log groups kept longer than max_days."""
    for item in ctx.items("aws_cloudwatch_log_group"):
        days = item.cost.resource.get("retention_in_days")
        if not isinstance(days, int) or days <= params.max_days or ctx.is_production(item):
            continue
        yield ctx.hit(item, f"{item.address} keeps logs {days} days outside production (at most {params.max_days})")


RULE = Rule(
    code="CG502",
    name="long-non-production-log-retention",
    title="Long log retention outside production",
    severity=Severity.INFO,
    params=Params,
    check=check,
    status=Status.STABLE,
    doc=__doc__ or "",
)
