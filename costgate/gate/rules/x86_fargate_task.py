"""CG205 x86-fargate-task: a Fargate task definition on x86_64.

What it flags:
    `aws_ecs_task_definition` resources that require FARGATE and have no
    `runtime_platform { cpu_architecture = "ARM64" }`.
Why it costs:
    Fargate on ARM64 (Graviton) costs about 20% less per vCPU-hour and GB-hour.
Example:
    resource "aws_ecs_task_definition" "api" { requires_compatibilities = ["FARGATE"]  cpu = 1024  memory = 2048 }
Cheaper alternative:
    `runtime_platform { operating_system_family = "LINUX"  cpu_architecture = "ARM64" }`
    with a multi-arch image.
Saving estimate:
    Fargate vCPU and memory components re-priced at the ARM rates when the catalog has them.
Parameters:
    None.
References:
    https://aws.amazon.com/fargate/pricing/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.gate.model import Severity
from costgate.gate.rule import Hit, NoParams, Rule, RuleContext, Status, components_with, total


def check(ctx: RuleContext, params: NoParams) -> Iterator[Hit]:
    """Flag x86 Fargate task definitions (and services running them, for the saving)."""
    for item in ctx.items("aws_ecs_task_definition"):
        r = item.cost.resource
        if "FARGATE" not in [str(c).upper() for c in r.get("requires_compatibilities", [])]:
            continue
        platform = r.block("runtime_platform")
        if str(platform.get("cpu_architecture") or "X86_64").upper() == "ARM64" or r.is_unknown("runtime_platform"):
            continue
        saving = total(
            ctx.reprice(c, [("Fargate-", "Fargate-ARM-")]) for c in components_with(item.cost, usagetype="*Fargate-*")
        )
        yield ctx.hit(item, f"{item.address} runs Fargate on x86_64; ARM64 costs about 20% less", saving)


RULE = Rule(
    code="CG205",
    name="x86-fargate-task",
    title="Fargate task on x86_64",
    severity=Severity.INFO,
    params=NoParams,
    check=check,
    status=Status.PREVIEW,
    doc=__doc__ or "",
)
