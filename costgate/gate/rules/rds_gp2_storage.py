"""CG104 rds-gp2-storage: an RDS database on gp2 storage.

What it flags:
    `aws_db_instance` resources whose `storage_type` is gp2.
Why it costs:
    RDS gp3 storage costs the same or less per GB-month than gp2 and includes 3,000 IOPS
    and 125 MiB/s from the first GB (12,000 IOPS from 400 GB), so gp2 databases are
    over-allocated to buy IOPS.
Example:
    resource "aws_db_instance" "app" { engine = "postgres"  allocated_storage = 500  storage_type = "gp2" }
Cheaper alternative:
    `storage_type = "gp3"`.
Saving estimate:
    The storage component re-priced as RDS gp3 storage (same engine, deployment and GB).
Parameters:
    None.
References:
    https://aws.amazon.com/rds/pricing/
    https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/CHAP_Storage.html
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.gate.model import Severity
from costgate.gate.rule import Hit, NoParams, Rule, RuleContext, Status, components_with, total


def check(ctx: RuleContext, params: NoParams) -> Iterator[Hit]:
    """Flag gp2 RDS storage and re-price it as gp3."""
    for item in ctx.items("aws_db_instance"):
        if str(item.cost.resource.get("storage_type", "")).lower() != "gp2":
            continue
        saving = total(
            ctx.reprice(c, [("GP2", "GP3"), ("gp2", "gp3")], set_attributes={"volumeType": "General Purpose-GP3"})
            for c in components_with(item.cost, usagetype="*GP2*")
        )
        yield ctx.hit(item, f"{item.address} uses gp2 storage; RDS gp3 includes more IOPS for the same or less", saving)


RULE = Rule(
    code="CG104",
    name="rds-gp2-storage",
    title="RDS storage on gp2",
    severity=Severity.WARN,
    params=NoParams,
    check=check,
    status=Status.STABLE,
    doc=__doc__ or "",
)
