"""CG201 previous-generation-instance: an EC2 instance type from a previous generation.

What it flags:
    `aws_instance`, `aws_launch_template`, `aws_launch_configuration` and
    `aws_eks_node_group` resources whose instance type belongs to a previous-generation
    family (t2, m4, c4, r4, m3, c3, r3, i2, d2, g3, p2 and older).
Why it costs:
    Current generations give more performance per dollar, and often a lower hourly price
    for the same vCPU and memory (m4.large costs more than m5.large in most regions).
Example:
    resource "aws_instance" "app" { instance_type = "m4.large" }
Cheaper alternative:
    The same size in the current family: t2 -> t3, m4 -> m5, c4 -> c5, r4 -> r5, i2 -> i3.
Saving estimate:
    Each instance-hours component re-priced with the current-generation instance type
    (same region, OS, tenancy and hours).
Parameters:
    None.
References:
    https://aws.amazon.com/ec2/previous-generation/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.gate.model import Severity
from costgate.gate.rule import Hit, NoParams, Rule, RuleContext, Status
from costgate.gate.rules._helpers import (
    EC2_INSTANCE_TYPES,
    EC2_PREVIOUS_GENERATION,
    instance_types_of,
    replacement_type,
    swap_saving,
)


def check(ctx: RuleContext, params: NoParams) -> Iterator[Hit]:
    """Flag previous-generation types; re-price each as its current-generation twin."""
    for item in ctx.items(*EC2_INSTANCE_TYPES, "aws_eks_node_group"):
        for old in instance_types_of(item):
            new = replacement_type(old, EC2_PREVIOUS_GENERATION)
            if new is None:
                continue
            yield ctx.hit(
                item,
                f"{item.address} uses previous-generation {old}; {new} costs less for the same size",
                swap_saving(ctx, item, old, new),
            )


RULE = Rule(
    code="CG201",
    name="previous-generation-instance",
    title="Previous-generation EC2 instance",
    severity=Severity.WARN,
    params=NoParams,
    check=check,
    status=Status.STABLE,
    doc=__doc__ or "",
)
