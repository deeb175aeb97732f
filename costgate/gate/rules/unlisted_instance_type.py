"""CG206 unlisted-instance-type: an instance type outside the organisation's approved list.

What it flags:
    EC2 instances, launch templates, launch configurations, node groups, RDS instances and
    ElastiCache clusters whose type matches none of the `allowed` globs. Silent when the
    list is empty (the default).
Why it costs:
    Approved lists steer teams to families the organisation has Savings Plans or Reserved
    Instances for; anything else is billed at the full on-demand rate.
Example:
    allowed: ["t4g.*", "m7g.*", "db.r7g.*"] and `instance_type = "x2iedn.8xlarge"`
Cheaper alternative:
    A type from the approved list, covered by the organisation's commitments.
Saving estimate:
    None: the right approved type depends on the workload.
Parameters:
    allowed (list of globs, default []): approved instance types, e.g. ["m7g.*", "t4g.*"].
References:
    https://docs.aws.amazon.com/savingsplans/latest/userguide/what-is-savings-plans.html
"""

from __future__ import annotations

import fnmatch
from collections.abc import Iterator

from pydantic import BaseModel, ConfigDict, Field

from costgate.gate.model import Severity
from costgate.gate.rule import Hit, Rule, RuleContext, Status
from costgate.gate.rules._helpers import EC2_INSTANCE_TYPES, instance_types_of

TYPES = (
    *EC2_INSTANCE_TYPES,
    "aws_eks_node_group",
    "aws_db_instance",
    "aws_rds_cluster_instance",
    "aws_elasticache_cluster",
    "aws_elasticache_replication_group",
)


class Params(BaseModel):
    """Parameters of CG206."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    allowed: list[str] = Field(default_factory=list)


def check(ctx: RuleContext, params: Params) -> Iterator[Hit]:
    """Flag types matching none of the allowed globs."""
    if not params.allowed:
        return
    for item in ctx.items(*TYPES):
        for kind in instance_types_of(item):
            if not any(fnmatch.fnmatchcase(kind, pattern) for pattern in params.allowed):
                yield ctx.hit(item, f"{item.address} uses {kind}, which is not on the approved list")


RULE = Rule(
    code="CG206",
    name="unlisted-instance-type",
    title="Instance type not on the approved list",
    severity=Severity.WARN,
    params=Params,
    check=check,
    status=Status.STABLE,
    doc=__doc__ or "",
)
