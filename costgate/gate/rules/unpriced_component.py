"""CG902 unpriced-component: a cost component the catalog has no price for.

What it flags:
    Resources in scope with at least one component the catalog could not price (the query
    and reason are in the message).
Why it costs:
    An unpriced component counts as nothing in the totals; the change may cost more than shown.
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
    for item in ctx.items():
        missing = [c for c in item.cost.unpriced if not c.invalid]  # CG906 reports invalid values
        if missing:
            first = missing[0]
            reason = first.no_price.reason if first.no_price else "no price"
            more = f" (and {len(missing) - 1} more)" if len(missing) > 1 else ""
            yield ctx.hit(item, f"{item.address}: {first.name} is not priced: {reason}{more}")


RULE = Rule(code="CG902", name="unpriced-component", title="Cost component without a price", severity=Severity.INFO,
            params=NoParams, check=check, status=Status.STABLE, doc=__doc__ or "")
