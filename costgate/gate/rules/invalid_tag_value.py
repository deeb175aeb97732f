"""CG905 invalid-tag-value: a tag whose value the tagging policy does not allow.

What it flags:
    Resources in scope carrying a tag listed in `tags` whose value is neither one of its
    `allowed` values nor a match of its `pattern` (a regular expression, fully matched).
Why it costs:
    A misspelt cost-center (`paymnets`) sends the spend to nobody's report, just like a
    missing tag.
Example:
    tags: {env: {allowed: [prod, staging, dev]}, cost-center: {pattern: "^CC-[0-9]{4}$"}}
Cheaper alternative:
    Use an allowed value.
Saving estimate:
    None.
Parameters:
    tags (mapping key -> {allowed: list of str, pattern: regex}, default {}).
References:
    https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_tag-policies.html
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from pydantic import BaseModel, ConfigDict, Field, field_validator

from costgate.gate.model import Severity
from costgate.gate.rule import Hit, Rule, RuleContext, Status


class TagPolicy(BaseModel):
    """Allowed values and/or a pattern for one tag key."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    allowed: list[str] = Field(default_factory=list)
    pattern: str | None = None

    @field_validator("pattern")
    @classmethod
    def _regex(cls, v: str | None) -> str | None:
        if v is not None:
            try:
                re.compile(v)
            except re.error as exc:
                raise ValueError(f"bad regular expression {v!r}: {exc}") from exc
        return v

    def accepts(self, value: str) -> bool:
        """Whether `value` is allowed (either list or pattern suffices; neither given: anything)."""
        if not self.allowed and self.pattern is None:
            return True
        return value in self.allowed or (self.pattern is not None and re.fullmatch(self.pattern, value) is not None)


class Params(BaseModel):
    """Parameters of CG905."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    tags: dict[str, TagPolicy] = Field(default_factory=dict)


def check(ctx: RuleContext, params: Params) -> Iterator[Hit]:
    """Flag tag values outside the policy."""
    for item in ctx.items():
        for key, policy in params.tags.items():
            value = item.cost.resource.tags.get(key)
            if value is not None and not policy.accepts(str(value)):
                yield ctx.hit(item, f"{item.address} has {key}={value!r}, which the tagging policy does not allow")


RULE = Rule(
    code="CG905",
    name="invalid-tag-value",
    title="Tag value not allowed",
    severity=Severity.WARN,
    params=Params,
    check=check,
    status=Status.STABLE,
    doc=__doc__ or "",
)
