"""Unit costs as text: "cost per 1,000 requests $0.41 → $0.47, +15%" (table, markdown, gate)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from costgate.money import percent, unit_money

if TYPE_CHECKING:  # pydantic (via the config model) is imported only by commands that read a config
    from costgate.gate.unit_costs import UnitCost


def unit_parts(u: UnitCost, *, diff: bool = True) -> tuple[str, str, bool]:
    """(label, figures, figures_are_plain): "cost per 1,000 requests", "$0.41 → $0.47, +15%". The
    label holds config text (callers escape it); the figures only numbers unless the flag is False."""
    label = f"cost {u.display}"
    if not u.found:
        return label, f"no cost in scope ({u.scope} is not in this estimate)", False
    bound = "" if u.complete else " (at least: the estimate is incomplete)"
    if not diff:
        return label, f"{unit_money(u.after)}{bound}", True
    change = percent(u.change_percent)
    return label, f"{unit_money(u.before)} → {unit_money(u.after)}" + (f", {change}" if change else "") + bound, True


def unit_line(u: UnitCost, *, diff: bool = True) -> str:
    """One unit cost as plain text (callers escape it for their format)."""
    label, figures, plain = unit_parts(u, diff=diff)
    return f"{label} {figures}" if plain else f"{label}: {figures}"


def unit_lines(units: Sequence[UnitCost], *, diff: bool = True) -> list[str]:
    """Every unit cost, one line each."""
    return [unit_line(u, diff=diff) for u in units]
