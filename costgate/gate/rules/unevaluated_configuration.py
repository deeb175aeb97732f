"""CG907 unevaluated-configuration: what HCL mode could not evaluate from the Terraform files alone.

What it flags:
    Each of a project's `unknowns` (the list the estimate counts in `counts.unknowns`): a
    `count` or `for_each` that depends on a data source or a value known only after apply, a
    module that is not on disk, a variable with no value, a file the reader may not read. Their
    resources or values are missing from the estimate; plans have no unknowns of this kind.
Why it costs:
    A resource whose count cannot be evaluated is left out of every total, never counted as 1,
    so the estimate may understate the change; a gate that ignored it could pass a costly change.
Example:
    resource "aws_instance" "az" { count = length(data.aws_availability_zones.all.names) }
Cheaper alternative:
    Not about a cheaper design: give the value (`--var`, a .tfvars file), run `terraform init`
    for modules, price a plan instead, or waive. `incomplete_estimate: fail-closed` blocks on it.
Saving estimate:
    None.
Parameters:
    None.
References:
    https://github.com/costgate/costgate/blob/main/docs/hcl-evaluation.md
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.gate.model import Severity
from costgate.gate.rule import Hit, NoParams, Rule, RuleContext, Status


def check(ctx: RuleContext, params: NoParams) -> Iterator[Hit]:
    """One finding per unknown of every project (base-side ones included, marked with the base)."""
    for project in ctx.estimate.projects:
        for unknown in project.unknowns:
            yield Hit(
                message=f"{project.name}: {unknown}" if len(ctx.estimate.projects) > 1 else unknown,
                project=project.name,
            )


RULE = Rule(
    code="CG907",
    name="unevaluated-configuration",
    title="Configuration HCL mode cannot evaluate",
    severity=Severity.INFO,
    params=NoParams,
    check=check,
    status=Status.STABLE,
    doc=__doc__ or "",
)
