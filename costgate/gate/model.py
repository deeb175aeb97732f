"""What the gate decides, as plain values every report and VCS platform can show.

A Finding is one reason for attention (a rule that fired, a budget crossed, a custom policy's
deny/warn); the Verdict is the worst unwaived severity. Blocking is a return value (exit 1),
never an exception.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from costgate.gate.unit_costs import UnitCost

from costgate.model import Severity

__all__ = ["BudgetStatus", "Finding", "GateResult", "Severity", "Verdict"]


class Verdict(StrEnum):
    """The gate's answer for the whole change."""

    PASS = "pass"
    WARN = "warn"
    BLOCK = "block"


@dataclass(frozen=True, slots=True)
class Finding:
    """One reason the gate reports: which rule/budget/policy, where, and what it would save."""

    code: str
    name: str
    severity: Severity
    message: str
    source: str = "rule"  # rule | budget | yaml | rego | meta
    address: str | None = None
    project: str | None = None
    monthly_saving: Decimal | None = None
    waived: bool = False
    waiver_reason: str | None = None
    file: str | None = None
    line: int | None = None
    owner: str | None = None
    title: str = ""
    status: str = ""  # a built-in rule's status (preview/stable), else empty


@dataclass(frozen=True, slots=True)
class BudgetStatus:
    """A budget's state before and after the change."""

    name: str
    scope: str
    limit: Decimal | None
    before: Decimal
    after: Decimal
    status: str  # ok | warn | crossed | over (already over before the change) | increase_limit
    message: str = ""


@dataclass(frozen=True, slots=True)
class GateResult:
    """Findings, budgets, ownership showback and the verdict."""

    verdict: Verdict
    findings: tuple[Finding, ...] = ()
    budgets: tuple[BudgetStatus, ...] = ()
    owners: Mapping[str, str] = field(default_factory=dict)
    team_costs: Mapping[str, tuple[Decimal, Decimal]] = field(default_factory=dict)
    notes: tuple[str, ...] = ()
    expired_waivers: tuple[str, ...] = ()
    incomplete: bool = False
    unit_costs: tuple[UnitCost, ...] = ()
    """Cost per business unit (costgate.yml unit_metrics), before and after the change."""

    @property
    def active(self) -> tuple[Finding, ...]:
        """Findings not waived (those that count towards the verdict)."""
        return tuple(f for f in self.findings if not f.waived)

    @property
    def blocking(self) -> tuple[Finding, ...]:
        """Unwaived findings that block: the one count the table, the comment and the status share."""
        return tuple(f for f in self.active if f.severity is Severity.BLOCK)

    @property
    def warnings(self) -> tuple[Finding, ...]:
        """Unwaived findings that warn."""
        return tuple(f for f in self.active if f.severity is Severity.WARN)

    @property
    def waived(self) -> tuple[Finding, ...]:
        """Findings a waiver let through (shown, never counted towards the verdict)."""
        return tuple(f for f in self.findings if f.waived)
