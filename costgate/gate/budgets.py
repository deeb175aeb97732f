"""Budgets: a monthly cap on what a team or project runs after the change, and per-change limits.

The numbers a budget compares:
  current  = the spend before this change: the estimate's before-total of what the budget
             covers (source: estimate), a number from the config (source: config), or AWS
             Budgets' actual or forecast spend (source: aws_budgets);
  delta    = the estimate's after minus before for what the budget covers;
  after    = current + delta.
Statuses, checked in this order:
  crossed         current <= limit < after: this change takes the budget over (severity);
  over            current > limit and delta > 0: already over, made worse (warn, or the
                  budget's severity with block_when_already_over);
  increase_limit  delta > max_increase, or delta / current > max_increase_percent
                  (percent limits need a current spend above zero);
  warn            after >= warn_at_percent of the limit (and after <= limit);
  ok              none of these.
A change that lowers cost never fails a budget.

A unit cost budget (`unit_metric:`) compares the cost per unit of its metric the same way:
crossed when the change takes it over `max_unit_cost`, over when it was already over and rises,
increase_limit when it rises more than `max_unit_cost_increase_percent`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from costgate.config import LoadedConfig
from costgate.config.model import BudgetConfig
from costgate.estimate import Estimate
from costgate.gate.model import BudgetStatus, Finding, Severity
from costgate.gate.ownership import Owner
from costgate.gate.unit_costs import UnitCost
from costgate.money import money, unit_money

ZERO = Decimal(0)
BudgetFetcher = Callable[[BudgetConfig, str], Any]


@dataclass(frozen=True, slots=True)
class Scoped:
    """A budget's before and after totals over what it covers."""

    before: Decimal
    after: Decimal

    @property
    def delta(self) -> Decimal:
        """After minus before."""
        return self.after - self.before


def scoped_totals(budget: BudgetConfig, estimate: Estimate, owners: Mapping[tuple[str, str], Owner | None]) -> Scoped:
    """Before/after totals of the resources the budget covers (its team's, its project's, or all)."""
    before = after = ZERO
    for p in estimate.projects:
        if budget.project is not None and p.name != budget.project:
            continue
        for rc in p.resources:
            if budget.team is not None:
                owner = owners.get((p.name, rc.address))
                if owner is None or owner.team != budget.team:
                    continue
            before += rc.before_monthly_cost
            after += rc.monthly_cost
    return Scoped(before, after)


def _scope_label(budget: BudgetConfig) -> str:
    return f"team {budget.team}" if budget.team else f"project {budget.project}" if budget.project else "all projects"


def evaluate_budgets(
    loaded: LoadedConfig,
    estimate: Estimate,
    owners: Mapping[tuple[str, str], Owner | None],
    *,
    fetch: Callable[..., Any] | None = None,
    unit_costs: Sequence[UnitCost] = (),
) -> tuple[list[BudgetStatus], list[Finding]]:
    """Every budget's status and the findings they raise. `fetch` replaces AWS Budgets (tests);
    `unit_costs` are what unit cost budgets (budgets[].unit_metric) compare."""
    statuses: list[BudgetStatus] = []
    findings: list[Finding] = []
    by_name = {u.name: u for u in unit_costs}
    for index, budget in enumerate(loaded.config.budgets):
        if budget.unit_metric is not None:
            status, found = _unit_budget(loaded, index, budget, by_name[budget.unit_metric])
        else:
            status, found = _one(loaded, index, budget, estimate, owners, fetch)
        statuses.append(status)
        findings.extend(found)
    return statuses, findings


def _unit_budget(
    loaded: LoadedConfig, index: int, budget: BudgetConfig, unit: UnitCost
) -> tuple[BudgetStatus, list[Finding]]:
    """A unit cost budget: the cost per unit after the change against `max_unit_cost`, and its
    rise against `max_unit_cost_increase_percent` (statuses as for money budgets)."""
    code = f"budget:{budget.name}"
    scope = f"cost {unit.display} ({unit.scope})"
    before, after = unit.before, unit.after
    findings: list[Finding] = []

    def add(severity: Severity, message: str) -> None:
        findings.append(
            Finding(
                code=code,
                name="unit-cost-limit",
                severity=severity,
                message=message,
                source="budget",
                file=str(loaded.path),
                line=loaded.located.line_of(("budgets", index)),
            )
        )

    state = "ok"
    text = f"{unit_money(before)} -> {unit_money(after)}" + (
        "" if unit.complete else " (at least: the estimate is incomplete)"
    )
    limit = budget.max_unit_cost
    if before is not None and after is not None and after > before:
        if limit is not None and before <= limit < after:
            state = "crossed"
            add(budget.severity, f"budget {budget.name}: {scope} crosses its cap of {unit_money(limit)}: {text}")
        elif limit is not None and before > limit:
            state = "over"
            add(
                budget.severity if budget.block_when_already_over else Severity.WARN,
                f"budget {budget.name}: {scope} was already over its cap of {unit_money(limit)} and rises: {text}",
            )
        rise = unit.change_percent
        cap = budget.max_unit_cost_increase_percent
        if cap is not None and rise is not None and rise > cap:
            state = state if state != "ok" else "increase_limit"
            add(
                budget.severity,
                f"budget {budget.name}: {scope} rises {rise:.1f}%, over the per-change limit of {cap}%: {text}",
            )
    message = findings[0].message if findings else f"budget {budget.name}: {scope} {text}"
    return BudgetStatus(
        name=budget.name,
        scope=scope,
        limit=limit,
        before=before if before is not None else ZERO,
        after=after if after is not None else ZERO,
        status=state,
        message=message,
    ), findings


def _one(
    loaded: LoadedConfig,
    index: int,
    budget: BudgetConfig,
    estimate: Estimate,
    owners: Mapping[tuple[str, str], Owner | None],
    fetch: Callable[..., Any] | None,
) -> tuple[BudgetStatus, list[Finding]]:
    scoped = scoped_totals(budget, estimate, owners)
    limit = budget.monthly_limit
    spend = budget.current_spend
    where = loaded.where(("budgets", index))
    if spend.source == "config":
        assert spend.amount is not None
        current = spend.amount
    elif spend.source == "aws_budgets":
        assert spend.aws_budget is not None
        if fetch is None:
            from costgate.extras import require_aws

            require_aws("budgets[].current_spend.source: aws_budgets")
            from costgate.gate.aws_budgets import fetch_budget

            aws = fetch_budget(spend.aws_budget, where=loaded.where(("budgets", index, "current_spend")))
        else:
            aws = fetch(spend.aws_budget, where=where)
        chosen = aws.forecast if spend.aws_budget.use == "forecast" else aws.actual
        current = chosen if chosen is not None else ZERO
        limit = limit if limit is not None else aws.limit
    else:
        current = scoped.before
    delta = scoped.delta
    after = current + delta
    code = f"budget:{budget.name}"
    scope = _scope_label(budget)
    line = loaded.located.line_of(("budgets", index))
    findings: list[Finding] = []

    def add(name: str, severity: Severity, message: str) -> None:
        findings.append(
            Finding(
                code=code,
                name=name,
                severity=severity,
                message=message,
                source="budget",
                project=budget.project,
                file=str(loaded.path),
                line=line,
                owner=budget.team,
            )
        )

    state = "ok"
    text = f"{money(current)} -> {money(after)} ({money(delta, signed=True)})"
    if limit is not None and delta > 0 and current <= limit < after:
        state = "crossed"
        add(
            "budget-crossed",
            budget.severity,
            f"budget {budget.name} ({scope}) is crossed: {text} against a cap of {money(limit)}",
        )
    elif limit is not None and delta > 0 and current > limit:
        state = "over"
        add(
            "budget-already-over",
            budget.severity if budget.block_when_already_over else Severity.WARN,
            f"budget {budget.name} ({scope}) was already over its cap of {money(limit)} and this change adds {money(delta)}",
        )
    if delta > 0:
        if budget.max_increase is not None and delta > budget.max_increase:
            state = state if state != "ok" else "increase_limit"
            add(
                "budget-increase-limit",
                budget.severity,
                f"budget {budget.name} ({scope}): this change adds {money(delta)} a month, over the per-change limit of {money(budget.max_increase)}",
            )
        elif (
            budget.max_increase_percent is not None
            and current > 0
            and delta / current * 100 > budget.max_increase_percent
        ):
            state = state if state != "ok" else "increase_limit"
            add(
                "budget-increase-limit",
                budget.severity,
                f"budget {budget.name} ({scope}): this change adds {delta / current * 100:.1f}% a month, "
                f"over the per-change limit of {budget.max_increase_percent}%",
            )
    if (
        state == "ok"
        and limit is not None
        and budget.warn_at_percent is not None
        and delta > 0
        and after >= limit * budget.warn_at_percent / 100
    ):
        state = "warn"
        add(
            "budget-warning",
            Severity.WARN,
            f"budget {budget.name} ({scope}) reaches {after / limit * 100:.0f}% of its cap of {money(limit)}: {text}",
        )
    message = (
        findings[0].message
        if findings
        else f"budget {budget.name} ({scope}): {text}" + (f" of {money(limit)}" if limit else "")
    )
    return BudgetStatus(
        name=budget.name, scope=scope, limit=limit, before=current, after=after, status=state, message=message
    ), findings
