"""Unit economics: the estimate's cost per business unit (per 1,000 requests, per active user).

costgate.yml `unit_metrics` names a monthly volume (requests: 12,000,000 a month) for the
organisation (every project) or one project. The unit cost is the monthly cost of that scope
divided by the volume, shown per `per` units, before and after the change; outputs show it
("cost per 1,000 requests $0.41 → $0.47, +15%"), unit cost budgets limit it, and Rego policies
read it as `input.unit_costs`. The volume is the same on both sides: a change of cost, not of
traffic. An incomplete estimate gives a lower bound, and says so.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from costgate.config.model import UnitMetric
from costgate.estimate import Estimate

ZERO = Decimal(0)


@dataclass(frozen=True, slots=True)
class UnitCost:
    """One metric's cost per `per` units before and after the change (None: no cost in scope)."""

    name: str
    display: str
    monthly_value: Decimal
    per: Decimal
    scope: str
    cost_before: Decimal
    cost_after: Decimal
    complete: bool
    found: bool = True
    """False when the metric's project is not in this estimate (nothing to divide)."""

    @property
    def units(self) -> Decimal:
        """How many `per`-sized units a month (12,000 thousands of requests)."""
        return self.monthly_value / self.per

    @property
    def before(self) -> Decimal | None:
        """Cost per `per` units before the change."""
        return self.cost_before / self.units if self.found else None

    @property
    def after(self) -> Decimal | None:
        """Cost per `per` units after the change."""
        return self.cost_after / self.units if self.found else None

    @property
    def change_percent(self) -> Decimal | None:
        """The unit cost's change in percent; None when there was no cost before or the
        estimate is incomplete (a percentage of a partial figure is no figure)."""
        if not self.found or not self.cost_before or not self.complete:
            return None
        return (self.cost_after - self.cost_before) / self.cost_before * 100


def compute_unit_costs(estimate: Estimate, metrics: Sequence[UnitMetric]) -> tuple[UnitCost, ...]:
    """Every configured metric's unit cost over the estimate."""
    out = []
    for m in metrics:
        projects = [p for p in estimate.projects if m.project is None or p.name == m.project]
        totals = [p.totals for p in projects]
        out.append(
            UnitCost(
                name=m.name,
                display=m.display,
                monthly_value=m.monthly_value,
                per=m.per,
                scope=f"project {m.project}" if m.project else "organisation",
                cost_before=sum((t.before for t in totals), ZERO),
                cost_after=sum((t.after for t in totals), ZERO),
                complete=all(t.complete for t in totals),
                found=bool(projects),
            )
        )
    return tuple(out)
