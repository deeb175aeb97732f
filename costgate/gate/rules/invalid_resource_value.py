"""CG906 invalid-resource-value: a resource whose values cannot be priced because they are invalid.

What it flags:
    Resources (in scope or not) with a value no real plan holds where a pricer reads it: a
    negative, NaN or infinite size, a count past its range, a list where a type name belongs.
    The resource is shown as not priced with the value and what was expected.
Why it costs:
    A resource that is not priced counts as nothing in the totals. Were it only reported, one
    hostile value (`size = -1000000`, `instance_type = ["m5.24xlarge"]`) would take a costly
    resource out of every budget, so this rule blocks by default, whatever
    `incomplete_estimate` says, and it looks at unchanged resources too (they count in totals).
Example:
    resource "aws_ebs_volume" "data" { size = -5 }   # "size is -5, expected a size >= 0"
Cheaper alternative:
    Not about a cheaper design: fix the value (or the tool that wrote the plan).
Saving estimate:
    None.
Parameters:
    None.
References:
    https://github.com/costgate/costgate/blob/main/docs/security.md
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.gate.model import Severity
from costgate.gate.rule import Hit, NoParams, Rule, RuleContext, Status


def check(ctx: RuleContext, params: NoParams) -> Iterator[Hit]:
    """Flag every resource that exists after the change with a component marked invalid."""
    for item in ctx.all_after():
        invalid = [c for c in item.cost.components if c.invalid]
        if invalid:
            first = invalid[0]
            reason = first.no_price.reason if first.no_price else "invalid value"
            yield ctx.hit(item, f"{item.address} is not priced: {reason}")


RULE = Rule(
    code="CG906",
    name="invalid-resource-value",
    title="Resource value that cannot be priced",
    severity=Severity.BLOCK,
    params=NoParams,
    check=check,
    status=Status.STABLE,
    doc=__doc__ or "",
)
