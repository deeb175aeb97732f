"""CG401 rds-previous-generation-instance: an RDS instance class from a previous generation.

What it flags:
    `aws_db_instance` and `aws_rds_cluster_instance` resources whose `instance_class` is
    previous-generation (db.t2, db.m4, db.r4, db.m3, db.r3 and older).
Why it costs:
    Current classes cost the same or less per hour and run faster; old classes also lose
    support for new engine versions, forcing rushed upgrades later.
Example:
    resource "aws_db_instance" "app" { instance_class = "db.m4.large" }
Cheaper alternative:
    The same size in the current family: db.t2 -> db.t3, db.m4 -> db.m5, db.r4 -> db.r5.
Saving estimate:
    The instance-hours component re-priced with the current class (same engine, licence and
    deployment option).
Parameters:
    None.
References:
    https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Concepts.DBInstanceClass.html
    https://aws.amazon.com/rds/pricing/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.gate.model import Severity
from costgate.gate.rule import Hit, NoParams, Rule, RuleContext, Status
from costgate.gate.rules._helpers import RDS_PREVIOUS_GENERATION, instance_types_of, replacement_type, swap_saving


def check(ctx: RuleContext, params: NoParams) -> Iterator[Hit]:
    """Flag previous-generation DB classes; re-price each as its current twin."""
    for item in ctx.items("aws_db_instance", "aws_rds_cluster_instance"):
        for old in instance_types_of(item):
            new = replacement_type(old, RDS_PREVIOUS_GENERATION)
            if new is not None:
                yield ctx.hit(
                    item,
                    f"{item.address} uses previous-generation {old}; {new} costs less",
                    swap_saving(ctx, item, old, new),
                )


RULE = Rule(
    code="CG401",
    name="rds-previous-generation-instance",
    title="Previous-generation RDS instance class",
    severity=Severity.WARN,
    params=NoParams,
    check=check,
    status=Status.STABLE,
    doc=__doc__ or "",
)
