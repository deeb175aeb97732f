"""CG902 unpriced-component: a cost component the catalog has no price for.

What it flags:
    Resources in scope, and resources the change destroys, with at least one component the
    catalog could not price, on either side of the change (the side, query and reason are in
    the message).
Why it costs:
    An unpriced component counts as nothing in the totals; the change may cost more (or, when
    the gap is on the before side, save less) than shown.
Example:
    An instance type launched after the shipped catalog was built.
Cheaper alternative:
    Not about a cheaper design: refresh the catalog (`costgate catalog refresh`) or waive.
Saving estimate:
    None.
Parameters:
    None.
References:
    https://github.com/costgate/costgate/blob/main/docs/architecture.md
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.gate.model import Severity
from costgate.gate.rule import Hit, NoParams, Rule, RuleContext, Status


def check(ctx: RuleContext, params: NoParams) -> Iterator[Hit]:
    """Flag resources with unpriced components."""
    for item in ctx.touched():
        gaps = [g for g in item.cost.gaps if not g.component.invalid]  # CG906 reports invalid values
        if gaps:
            first = gaps[0]
            reason = first.component.no_price.reason if first.component.no_price else "no price"
            more = f" (and {len(gaps) - 1} more)" if len(gaps) > 1 else ""
            yield ctx.hit(
                item,
                f"{item.address}: {first.component.name} is not priced ({first.side.value} the change): {reason}{more}",
            )


RULE = Rule(
    code="CG902",
    name="unpriced-component",
    title="Cost component without a price",
    severity=Severity.INFO,
    params=NoParams,
    check=check,
    status=Status.STABLE,
    doc=__doc__ or "",
)
