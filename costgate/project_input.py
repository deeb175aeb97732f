"""What one project to price is: a plan file or a Terraform folder, with what reading it needs.

Why a type of its own: every command prices a list of projects, whether they come from
`--plan`, `--path` (one folder, or the root modules found under it), or costgate.yml's
`projects:`. The CLI turns its options and the config into this list once; pipeline.py reads
and prices it the same way for every command. `base` is the other side of a branch diff:
a base plan (`--base-plan`) or the same folder in the base ref's files (`--compare-to`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path


class InputKind(StrEnum):
    """How a project is read: `terraform show -json` output, or the .tf files themselves."""

    PLAN = "plan"
    HCL = "hcl"


@dataclass(frozen=True, slots=True)
class ProjectInput:
    """One project: what to read, its name in reports, and what reading it needs.

    `var_files`, `variables` and `workspace` apply to HCL folders only (a plan has its values
    already). `usage_file` overrides the run's --usage-file for this project. `base`, when set,
    makes the project a branch diff: its resources are compared with the base side's (see
    iac/compare.py); `base_missing` says the base side does not exist (every resource is new),
    and `base_label` names the base in messages (the ref or the base plan's path).
    `shown_as` is (temporary folder, repository folder) for a base side read from a git ref.
    """

    kind: InputKind
    path: Path
    name: str
    var_files: tuple[Path, ...] = ()
    variables: Mapping[str, str] = field(default_factory=dict)
    usage_file: Path | None = None
    workspace: str | None = None
    base: ProjectInput | None = None
    base_missing: bool = False
    base_label: str = ""
    head_missing: bool = False
    shown_as: tuple[str, str] | None = None

    def show(self, text: str) -> str:
        """A message about this input with its temporary folder named as the user knows it
        (the base ref's files live in a temporary folder; messages name the repository's paths)."""
        return text.replace(self.shown_as[0], self.shown_as[1]) if self.shown_as else text
