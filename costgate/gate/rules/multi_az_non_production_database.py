"""CG403 multi-az-non-production-database: a Multi-AZ database outside production.

What it flags:
    `aws_db_instance` resources with `multi_az = true` in a non-production environment.
Why it costs:
    Multi-AZ runs a standby copy of the instance and its storage: it doubles the bill, for
    a failover that development and staging do not need.
Example:
    resource "aws_db_instance" "staging" { multi_az = true  instance_class = "db.m5.large" }
Cheaper alternative:
    `multi_az = false` outside production (keep automated backups for recovery).
Saving estimate:
    Every Multi-AZ component (instance hours, storage) re-priced as Single-AZ.
Parameters:
    None.
References:
    https://aws.amazon.com/rds/features/multi-az/
    https://aws.amazon.com/rds/pricing/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.gate.model import Severity
from costgate.gate.rule import Hit, NoParams, Rule, RuleContext, Status, components_with, total

SINGLE_AZ = [("Multi-AZUsage", "InstanceUsage"), ("Multi-AZ-", "")]


def check(ctx: RuleContext, params: NoParams) -> Iterator[Hit]:
    """Flag Multi-AZ databases outside production; re-price them as Single-AZ."""
    for item in ctx.items("aws_db_instance"):
        if item.cost.resource.get("multi_az") is not True or ctx.is_production(item):
            continue
        saving = total(
            ctx.reprice(c, SINGLE_AZ, set_attributes={"deploymentOption": "Single-AZ"})
            for c in components_with(item.cost, deploymentOption="Multi-AZ")
        )
        yield ctx.hit(item, f"{item.address} is Multi-AZ outside production; the standby doubles its cost", saving)


RULE = Rule(
    code="CG403",
    name="multi-az-non-production-database",
    title="Multi-AZ database outside production",
    severity=Severity.WARN,
    params=NoParams,
    check=check,
    status=Status.STABLE,
    doc=__doc__ or "",
)
