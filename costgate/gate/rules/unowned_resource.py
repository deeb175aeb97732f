"""CG903 unowned-resource: a billable resource no team owns.

What it flags:
    Priced resources in scope for which no ownership source (tags, rules, CODEOWNERS,
    project team) names a team.
Why it costs:
    Costs nobody owns are costs nobody reviews: showback puts them in "unowned" and no
    budget catches them.
Example:
    resource "aws_instance" "tmp" { instance_type = "m5.large" }   # no team tag, no rule matches
Cheaper alternative:
    Add a `team` tag (or provider default_tags), or an ownership rule in costgate.yml.
    The default severity is info, so that a repository without ownership set up is not
    warned on every resource; make it warn or block once teams are in place.
Saving estimate:
    None.
Parameters:
    None.
References:
    https://docs.aws.amazon.com/tag-editor/latest/userguide/tagging.html
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.gate.model import Severity
from costgate.gate.rule import Hit, NoParams, Rule, RuleContext, Status
from costgate.resources.registry import Support


def check(ctx: RuleContext, params: NoParams) -> Iterator[Hit]:
    """Flag billable resources without an owner."""
    for item in ctx.items():
        if item.cost.support is Support.FREE:
            continue
        if ctx.owner(item) is None:
            yield ctx.hit(item, f"{item.address} has no owning team (no tag, rule or CODEOWNERS entry)")


RULE = Rule(
    code="CG903",
    name="unowned-resource",
    title="Resource without an owning team",
    severity=Severity.INFO,
    params=NoParams,
    check=check,
    status=Status.STABLE,
    doc=__doc__ or "",
)
