"""CG407 dynamodb-provisioned-without-autoscaling: a provisioned DynamoDB table with fixed capacity.

What it flags:
    `aws_dynamodb_table` resources with `billing_mode = "PROVISIONED"` (the default) and no
    `aws_appautoscaling_target` whose `resource_id` names the table.
Why it costs:
    Fixed read and write capacity is sized for the peak and billed every hour, idle or not.
Example:
    resource "aws_dynamodb_table" "orders" { name = "orders"  read_capacity = 100  write_capacity = 100  hash_key = "id" }
Cheaper alternative:
    Application Auto Scaling targets and policies for read and write capacity, or
    `billing_mode = "PAY_PER_REQUEST"` for spiky or low traffic.
Saving estimate:
    None: it depends on the traffic pattern.
Parameters:
    None.
References:
    https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/AutoScaling.html
    https://aws.amazon.com/dynamodb/pricing/provisioned/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.gate.model import Severity
from costgate.gate.rule import Hit, NoParams, Rule, RuleContext, Status
from costgate.gate.rules._helpers import references


def check(ctx: RuleContext, params: NoParams) -> Iterator[Hit]:
    """Flag provisioned tables no autoscaling target refers to."""
    for item in ctx.items("aws_dynamodb_table"):
        r = item.cost.resource
        if str(r.get("billing_mode", "PROVISIONED")).upper() != "PROVISIONED":
            continue
        if references(ctx, item, ("aws_appautoscaling_target",), "resource_id"):
            continue
        yield ctx.hit(item, f"{item.address} has fixed provisioned capacity and no autoscaling target")


RULE = Rule(
    code="CG407",
    name="dynamodb-provisioned-without-autoscaling",
    title="Provisioned DynamoDB table without autoscaling",
    severity=Severity.WARN,
    params=NoParams,
    check=check,
    status=Status.STABLE,
    doc=__doc__ or "",
)
