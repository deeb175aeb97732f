"""CG402 rds-x86-instance-class: an x86 RDS instance class with a cheaper Graviton twin.

What it flags:
    `aws_db_instance` and `aws_rds_cluster_instance` classes db.t3, db.m5, db.m6i, db.r5, db.r6i.
Why it costs:
    Graviton DB classes (db.t4g, db.m6g/m7g, db.r6g/r7g) cost about 10-20% less per hour
    for the same vCPU and memory, with no application change (the engine runs on them).
Example:
    resource "aws_db_instance" "app" { engine = "postgres"  instance_class = "db.r5.large" }
Cheaper alternative:
    The Graviton class of the same size (db.r6g.large).
Saving estimate:
    The instance-hours component re-priced with the Graviton class.
Parameters:
    None.
References:
    https://aws.amazon.com/rds/features/graviton/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.gate.model import Severity
from costgate.gate.rule import Hit, NoParams, Rule, RuleContext, Status
from costgate.gate.rules._helpers import RDS_GRAVITON, instance_types_of, replacement_type, swap_saving


def check(ctx: RuleContext, params: NoParams) -> Iterator[Hit]:
    """Flag x86 DB classes with a Graviton twin; re-price them."""
    for item in ctx.items("aws_db_instance", "aws_rds_cluster_instance"):
        for old in instance_types_of(item):
            new = replacement_type(old, RDS_GRAVITON)
            if new is not None:
                yield ctx.hit(
                    item, f"{item.address} uses x86 {old}; Graviton {new} costs less", swap_saving(ctx, item, old, new)
                )


RULE = Rule(
    code="CG402",
    name="rds-x86-instance-class",
    title="x86 RDS class with a Graviton equivalent",
    severity=Severity.INFO,
    params=NoParams,
    check=check,
    status=Status.STABLE,
    doc=__doc__ or "",
)
