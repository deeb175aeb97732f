"""CG501 log-group-without-retention: a CloudWatch log group that keeps logs forever.

What it flags:
    `aws_cloudwatch_log_group` resources with `retention_in_days` unset or 0 (never expire).
Why it costs:
    CloudWatch Logs bills every GB stored every month; without retention, storage only grows.
Example:
    resource "aws_cloudwatch_log_group" "app" { name = "/app/web" }
Cheaper alternative:
    `retention_in_days = 30` (or what your audit policy needs), and export to S3 for
    long-term archives.
Saving estimate:
    None: stored volume depends on log traffic over time.
Parameters:
    None.
References:
    https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/Working-with-log-groups-and-streams.html
    https://aws.amazon.com/cloudwatch/pricing/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.gate.model import Severity
from costgate.gate.rule import Hit, NoParams, Rule, RuleContext, Status


def check(ctx: RuleContext, params: NoParams) -> Iterator[Hit]:
    """Flag log groups whose retention is never."""
    for item in ctx.items("aws_cloudwatch_log_group"):
        r = item.cost.resource
        if r.is_unknown("retention_in_days") or r.get("retention_in_days", 0) not in (0, None):
            continue
        yield ctx.hit(item, f"{item.address} never expires its logs (retention_in_days unset)")


RULE = Rule(
    code="CG501",
    name="log-group-without-retention",
    title="CloudWatch log group without retention",
    severity=Severity.WARN,
    params=NoParams,
    check=check,
    status=Status.STABLE,
    doc=__doc__ or "",
)
