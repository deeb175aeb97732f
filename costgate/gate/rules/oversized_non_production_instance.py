"""CG203 oversized-non-production-instance: a large instance outside production.

What it flags:
    EC2 instances, launch templates and node groups outside production whose size is larger
    than `max_size` (default 2xlarge).
Why it costs:
    Development and staging rarely need production-sized machines, yet they run around the
    clock; each size step doubles the hourly price.
Example:
    resource "aws_instance" "staging_worker" { instance_type = "m5.8xlarge" }   # env = staging
Cheaper alternative:
    The same family at `max_size` (m5.2xlarge), or scheduling the instance off outside hours.
Saving estimate:
    Each instance-hours component re-priced at `max_size` in the same family.
Parameters:
    max_size (str, default "2xlarge"): the largest size allowed outside production.
References:
    https://docs.aws.amazon.com/wellarchitected/latest/cost-optimization-pillar/cost_type_size_number_resources.html
"""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import BaseModel, ConfigDict, field_validator

from costgate.gate.model import Severity
from costgate.gate.rule import Hit, Rule, RuleContext, Status
from costgate.gate.rules._helpers import (
    EC2_INSTANCE_TYPES,
    SIZES,
    instance_types_of,
    size_rank,
    split_instance_type,
    swap_saving,
)


class Params(BaseModel):
    """Parameters of CG203."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    max_size: str = "2xlarge"

    @field_validator("max_size")
    @classmethod
    def _known(cls, v: str) -> str:
        if v not in SIZES:
            raise ValueError(f"unknown size {v!r} (one of {', '.join(SIZES)})")
        return v


def check(ctx: RuleContext, params: Params) -> Iterator[Hit]:
    """Flag non-production instances above max_size; re-price them at max_size."""
    limit = SIZES.index(params.max_size)
    for item in ctx.items(*EC2_INSTANCE_TYPES, "aws_eks_node_group"):
        if ctx.is_production(item):
            continue
        for old in instance_types_of(item):
            rank, parts = size_rank(old), split_instance_type(old)
            if rank is None or parts is None or rank <= limit or parts[1] == "metal":
                continue
            new = f"{parts[0]}.{params.max_size}"
            yield ctx.hit(
                item,
                f"{item.address} is {old} outside production (largest allowed: {params.max_size})",
                swap_saving(ctx, item, old, new),
            )


RULE = Rule(
    code="CG203",
    name="oversized-non-production-instance",
    title="Oversized instance outside production",
    severity=Severity.WARN,
    params=Params,
    check=check,
    status=Status.STABLE,
    doc=__doc__ or "",
)
