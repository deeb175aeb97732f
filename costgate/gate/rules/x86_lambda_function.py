"""CG204 x86-lambda-function: a Lambda function on x86_64.

What it flags:
    `aws_lambda_function` resources whose `architectures` is not ["arm64"] (unset means x86_64).
Why it costs:
    Lambda on arm64 (Graviton) costs about 20% less per GB-second of duration.
Example:
    resource "aws_lambda_function" "api" { runtime = "python3.12"  memory_size = 1024 }
Cheaper alternative:
    `architectures = ["arm64"]`; interpreted runtimes need no change, native dependencies
    need arm64 builds.
Saving estimate:
    The duration component (when usage gives GB-seconds) re-priced at the arm64 rate.
Parameters:
    None.
References:
    https://aws.amazon.com/lambda/pricing/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.gate.model import Severity
from costgate.gate.rule import Hit, NoParams, Rule, RuleContext, Status, components_with, total


def check(ctx: RuleContext, params: NoParams) -> Iterator[Hit]:
    """Flag x86 functions; re-price their duration at the arm64 rate."""
    for item in ctx.items("aws_lambda_function"):
        r = item.cost.resource
        # unset (unknown until apply) means the API default, x86_64
        arch = [] if r.is_unknown("architectures") else [str(a) for a in r.get("architectures", []) or []]
        if "arm64" in arch:
            continue
        saving = total(
            ctx.reprice(
                c, [("Lambda-GB-Second", "Lambda-GB-Second-ARM"), ("AWS-Lambda-Duration", "AWS-Lambda-Duration-ARM")]
            )
            for c in components_with(item.cost, usagetype="*Lambda-GB-Second")
        )
        yield ctx.hit(item, f"{item.address} runs on x86_64; arm64 duration costs about 20% less", saving)


RULE = Rule(
    code="CG204",
    name="x86-lambda-function",
    title="Lambda function on x86_64",
    severity=Severity.INFO,
    params=NoParams,
    check=check,
    status=Status.STABLE,
    doc=__doc__ or "",
)
