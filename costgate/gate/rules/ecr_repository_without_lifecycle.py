"""CG106 ecr-repository-without-lifecycle: an ECR repository that keeps every image.

What it flags:
    `aws_ecr_repository` resources with no `aws_ecr_lifecycle_policy` pointing at them.
Why it costs:
    Every CI build pushes an image; without a lifecycle policy they accumulate and ECR
    charges for every GB-month of them.
Example:
    resource "aws_ecr_repository" "app" { name = "app" }
Cheaper alternative:
    An `aws_ecr_lifecycle_policy` that expires untagged images and keeps the last N tags.
Saving estimate:
    None: it depends on image sizes and build frequency.
Parameters:
    None.
References:
    https://docs.aws.amazon.com/AmazonECR/latest/userguide/LifecyclePolicies.html
    https://aws.amazon.com/ecr/pricing/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.gate.model import Severity
from costgate.gate.rule import Hit, NoParams, Rule, RuleContext, Status
from costgate.gate.rules._helpers import references


def check(ctx: RuleContext, params: NoParams) -> Iterator[Hit]:
    """Flag repositories no lifecycle policy refers to."""
    for item in ctx.items("aws_ecr_repository"):
        if references(ctx, item, ("aws_ecr_lifecycle_policy",), "repository"):
            continue
        yield ctx.hit(item, f"{item.address} has no lifecycle policy; every pushed image is kept and billed")


RULE = Rule(
    code="CG106",
    name="ecr-repository-without-lifecycle",
    title="ECR repository without lifecycle policy",
    severity=Severity.WARN,
    params=NoParams,
    check=check,
    status=Status.STABLE,
    doc=__doc__ or "",
)
