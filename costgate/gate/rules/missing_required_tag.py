"""CG904 missing-required-tag: a billable resource without a tag the tagging policy requires.

What it flags:
    Taggable, billable resources in scope lacking any key of `required` (provider
    default_tags count). Silent when `required` is empty (the default).
Why it costs:
    Cost allocation reports group spend by tags; an untagged resource's cost cannot be
    charged back or budgeted.
Example:
    required: [team, cost-center] and an instance tagged only with Name
Cheaper alternative:
    Add the tags, ideally once through the provider's `default_tags`.
Saving estimate:
    None.
Parameters:
    required (list of str, default []): tag keys every billable resource must carry.
References:
    https://docs.aws.amazon.com/awsaccountbilling/latest/aboutv2/cost-alloc-tags.html
"""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import BaseModel, ConfigDict, Field

from costgate.gate.model import Severity
from costgate.gate.rule import Hit, Rule, RuleContext, Status
from costgate.resources.registry import Support


class Params(BaseModel):
    """Parameters of CG904."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    required: list[str] = Field(default_factory=list)


def taggable(values: object) -> bool:
    """Whether the resource type has a tags argument (tags or tags_all in its values)."""
    return isinstance(values, dict) and ("tags" in values or "tags_all" in values)


def check(ctx: RuleContext, params: Params) -> Iterator[Hit]:
    """Flag billable, taggable resources missing a required tag key."""
    if not params.required:
        return
    for item in ctx.items():
        r = item.cost.resource
        if item.cost.support is Support.FREE or not taggable(r.values):
            continue
        missing = [k for k in params.required if not r.tags.get(k)]
        if missing:
            yield ctx.hit(item, f"{item.address} lacks required tag(s): {', '.join(missing)}")


RULE = Rule(
    code="CG904",
    name="missing-required-tag",
    title="Required tag missing",
    severity=Severity.WARN,
    params=Params,
    check=check,
    status=Status.STABLE,
    doc=__doc__ or "",
)
