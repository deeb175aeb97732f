"""CG901 unsupported-resource: a resource costgate cannot price.

What it flags:
    Resources in scope, and resources the change destroys, whose type has no pricer and is not
    known to be free.
Why it costs:
    An unsupported resource is left out of every total, so the estimate understates the
    change; a gate that ignored it could pass a costly change.
Example:
    resource "aws_opensearch_domain" "search" { ... }   # while no pricer exists for it
Cheaper alternative:
    Not about a cheaper design: price it through a pricer contribution, or accept the gap
    with a waiver. Raise the severity (or use `incomplete_estimate: fail-closed`) to block.
Saving estimate:
    None.
Parameters:
    None.
References:
    https://github.com/costgate/costgate/blob/main/docs/resources.md
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.gate.model import Severity
from costgate.gate.rule import Hit, NoParams, Rule, RuleContext, Status
from costgate.resources.registry import Support


def check(ctx: RuleContext, params: NoParams) -> Iterator[Hit]:
    """Flag unsupported resources in scope."""
    for item in ctx.touched():
        if item.cost.support is Support.UNSUPPORTED:
            yield ctx.hit(
                item, f"{item.address}: costgate cannot price {item.cost.resource.type}; it is not in the totals"
            )


RULE = Rule(
    code="CG901",
    name="unsupported-resource",
    title="Resource costgate cannot price",
    severity=Severity.INFO,
    params=NoParams,
    check=check,
    status=Status.STABLE,
    doc=__doc__ or "",
)
