"""CG202 x86-instance-family: an x86 EC2 instance type with a cheaper Graviton twin.

What it flags:
    `aws_instance`, `aws_launch_template`, `aws_launch_configuration` and
    `aws_eks_node_group` instance types in x86 families that have a Graviton (arm64)
    family of the same shape: t3 -> t4g, m5/m6i -> m6g/m7g, c5/c6i -> c6g/c7g, r5/r6i -> r6g/r7g,
    and the local-NVMe and network variants: m5d -> m6gd, c5d -> c6gd, r5d -> r6gd, c5n -> c6gn.
Why it costs:
    Graviton instances cost about 20% less per hour for the same vCPU and memory.
Example:
    resource "aws_instance" "api" { instance_type = "m5.xlarge" }
Cheaper alternative:
    The Graviton family of the same size (m6g.xlarge) with an arm64 AMI; most interpreted
    and JVM workloads and multi-arch containers move without code changes.
Saving estimate:
    Each instance-hours component re-priced with the Graviton instance type.
Parameters:
    exclude (list of globs, default []): instance types to leave alone (e.g. ["c5.*"]).
References:
    https://aws.amazon.com/ec2/graviton/
"""

from __future__ import annotations

import fnmatch
from collections.abc import Iterator

from pydantic import BaseModel, ConfigDict, Field

from costgate.gate.model import Severity
from costgate.gate.rule import Hit, Rule, RuleContext, Status
from costgate.gate.rules._helpers import (
    EC2_GRAVITON,
    EC2_INSTANCE_TYPES,
    instance_types_of,
    replacement_type,
    swap_saving,
)


class Params(BaseModel):
    """Parameters of CG202."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    exclude: list[str] = Field(default_factory=list)


def check(ctx: RuleContext, params: Params) -> Iterator[Hit]:
    """Flag x86 types with a Graviton twin; re-price each as that twin."""
    for item in ctx.items(*EC2_INSTANCE_TYPES, "aws_eks_node_group"):
        for old in instance_types_of(item):
            if any(fnmatch.fnmatchcase(old, pattern) for pattern in params.exclude):
                continue
            new = replacement_type(old, EC2_GRAVITON)
            if new is None:
                continue
            yield ctx.hit(
                item, f"{item.address} runs x86 {old}; Graviton {new} costs less", swap_saving(ctx, item, old, new)
            )


RULE = Rule(
    code="CG202",
    name="x86-instance-family",
    title="x86 EC2 instance with a Graviton equivalent",
    severity=Severity.INFO,
    params=Params,
    check=check,
    status=Status.STABLE,
    doc=__doc__ or "",
)
