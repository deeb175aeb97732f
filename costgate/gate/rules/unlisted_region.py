"""CG207 unlisted-region: a resource in a region outside the preferred list.

What it flags:
    Resources whose region matches none of `allowed` (globs). Silent when the list is empty.
    Resources without a region (global services) are never flagged.
Why it costs:
    Prices differ by region (often 10-30% above us-east-1), cross-region traffic is billed
    per GB, and commitments bought in one region do not cover another.
Example:
    allowed: ["eu-west-1", "eu-central-1"] and a bucket in sa-east-1
Cheaper alternative:
    Deploy to a preferred region, next to the data and the commitments.
Saving estimate:
    None: moving regions changes more than the unit price.
Parameters:
    allowed (list of globs, default []): preferred regions, e.g. ["eu-west-1", "us-*"].
References:
    https://aws.amazon.com/ec2/pricing/on-demand/
"""

from __future__ import annotations

import fnmatch
from collections.abc import Iterator

from pydantic import BaseModel, ConfigDict, Field

from costgate.gate.model import Severity
from costgate.gate.rule import Hit, Rule, RuleContext, Status
from costgate.resources.registry import Support


class Params(BaseModel):
    """Parameters of CG207."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    allowed: list[str] = Field(default_factory=list)


def check(ctx: RuleContext, params: Params) -> Iterator[Hit]:
    """Flag billable resources outside the preferred regions."""
    if not params.allowed:
        return
    for item in ctx.items():
        region = item.cost.resource.region
        if not region or item.cost.support is Support.FREE:
            continue
        if not any(fnmatch.fnmatchcase(region, pattern) for pattern in params.allowed):
            yield ctx.hit(
                item, f"{item.address} is in {region}, outside the preferred regions ({', '.join(params.allowed)})"
            )


RULE = Rule(
    code="CG207",
    name="unlisted-region",
    title="Resource outside the preferred regions",
    severity=Severity.WARN,
    params=Params,
    check=check,
    status=Status.STABLE,
    doc=__doc__ or "",
)
