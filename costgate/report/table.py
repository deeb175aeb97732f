"""`--format table`: the terminal view of a breakdown or diff.

Breakdown lists what the plan leaves running, component by component; diff lists what the
change adds, removes and alters, with the cost either side. Unsupported resources and
unpriced components are shown with their reasons, and the footer names the catalog date.

The table is laid out here rather than with rich's Table: rich measures every cell, which
takes seconds on a plan of a thousand resources; this takes milliseconds. Colour (bold
headers) is added only for a terminal.
"""

from __future__ import annotations

import weakref
from collections.abc import Sequence
from decimal import Decimal
from itertools import repeat

from costgate.estimate import Estimate, PricedComponent, Project, ResourceCost, Side
from costgate.model import Action
from costgate.money import currency_note, money, percent, quantity, unit_price
from costgate.report.terminal import safe_text
from costgate.resources.registry import Support, split_type, support_reason

Row = tuple[str, ...]
RIGHT = "r"
LEFT = "l"


class _Style:
    def __init__(self, color: bool) -> None:
        self.color = color

    def bold(self, text: str) -> str:
        return f"\x1b[1m{text}\x1b[0m" if self.color else text

    def warn(self, text: str) -> str:
        return f"\x1b[33m{text}\x1b[0m" if self.color else text

    def dim(self, text: str) -> str:
        return f"\x1b[2m{text}\x1b[0m" if self.color else text


_clean = safe_text


def layout(header: Row, rows: Sequence[Row | None], align: str, style: _Style) -> list[str]:
    """Fixed-width columns; a None row is a separator line.

    Widths and padding are worked out a column at a time with `map` (C loops): a diff of 20,000
    resources has 18,000 rows, and a Python step per cell was most of its 0.2 s."""
    body = [row for row in rows if row is not None]
    columns = list(zip(*body, strict=True)) if body else [()] * len(header)
    widths = [max(len(h), max(map(len, column), default=0)) for h, column in zip(header, columns, strict=True)]

    def fmt(row: Row) -> str:
        cells = [c.rjust(w) if a == RIGHT else c.ljust(w) for c, w, a in zip(row, widths, align, strict=True)]
        return "  ".join(cells).rstrip()

    padded = [
        map(str.rjust if a == RIGHT else str.ljust, column, repeat(w))
        for column, w, a in zip(columns, widths, align, strict=True)
    ]
    lines = iter(list(map(str.rstrip, map("  ".join, zip(*padded, strict=True)))) if body else [])
    rule = "  ".join("─" * w for w in widths)
    out = [style.bold(fmt(header)), rule]
    out += [rule if row is None else next(lines) for row in rows]
    out.append(rule)
    return out


def _component_row(c: PricedComponent) -> Row:
    name = "  " + _clean(c.name) + (f" [{_clean(c.path)}]" if c.path else "")
    if c.no_price is not None:
        cost = "not priced"
    elif c.no_charge:
        name += f" (no charge: {_clean(c.no_charge)})"
        cost = money(c.monthly_cost)
    elif c.depends_on_usage:
        cost = "depends on usage"
    elif c.monthly_cost is None:  # not reached: a priced component with a quantity has a cost
        cost = "-"
    else:
        cost = money(c.monthly_cost)
    if c.cost_range is not None:
        cost += f" ({money(c.cost_range[0])} - {money(c.cost_range[1])})"
    qty = "depends on usage" if c.depends_on_usage else quantity(c.monthly_quantity)
    return (name, qty, _clean(c.unit), unit_price(c.unit_price), cost)


def _breakdown_project(project: Project, style: _Style) -> list[str]:
    rows: list[Row | None] = []
    for r in project.resources:
        if not r.resource.action.exists_after or r.support is not Support.PRICED or not r.components:
            continue
        rows.append((_clean(r.address), "", "", "", money(r.monthly_cost)))
        rows += [_component_row(c) for c in r.components]
    lines = [style.bold(f"Project: {_clean(project.name)}"), ""]
    lines += layout(
        ("Name", "Monthly qty", "Unit", "Unit price", "Monthly cost"), rows, LEFT + RIGHT + LEFT + RIGHT + RIGHT, style
    )
    return lines + _tail(project, style)


def _tail(project: Project, style: _Style) -> list[str]:
    t = project.totals
    span = f"  (range {money(t.after_min)} - {money(t.after_max)})" if t.after_min is not None else ""
    usage_part = f"  (of which usage-based {money(t.usage_after)})" if t.usage_after else ""
    lines = [style.bold(f"Total monthly cost: {money(t.after)}") + span + usage_part]
    n = project.counts
    before = f" ({n.unpriced_before} before the change)" if n.unpriced_before else ""
    lines.append(
        f"{n.resources} resources: {n.priced} priced, {n.free} free, {n.unsupported} unsupported; "
        f"{n.unpriced_components} components not priced{before}; {n.usage_based_components} components depend on usage"
    )
    if project.unsupported:
        types: dict[str, int] = {}
        for r in project.unsupported:
            types[r.resource.type] = types.get(r.resource.type, 0) + 1
        listed = ", ".join(f"{n} x {_clean(t)}" for t, n in sorted(types.items()))
        lines.append(style.warn("Unsupported (not included in totals): ") + listed)
    outside: dict[str, dict[str, int]] = {}
    for r in project.resources:
        if r.support is Support.FREE and split_type(r.resource.type) is None:
            kinds = outside.setdefault(support_reason(r.resource.type), {})
            kinds[r.resource.type] = kinds.get(r.resource.type, 0) + 1
    for reason, kinds in sorted(outside.items()):
        listed = ", ".join(f"{n} x {_clean(t)}" for t, n in sorted(kinds.items()))
        lines.append(style.dim(f"Free ({reason}): {listed}"))
    gaps = project.gaps
    for g in gaps[:20]:
        c = g.component
        assert c.no_price is not None
        side = " (before the change)" if g.side is Side.BEFORE else ""
        lines.append(
            style.warn("Not priced: ") + f"{_clean(g.address)} {_clean(c.name)}{side}: {_clean(c.no_price.reason)} "
            f"({_clean(c.no_price.query.describe())})"
        )
    if len(gaps) > 20:
        lines.append(style.warn(f"... and {len(gaps) - 20} more components not priced (see --format json)"))
    hints = list(
        dict.fromkeys(g.component.no_price.hint for g in gaps if g.component.no_price and g.component.no_price.hint)
    )
    for hint in hints[:5]:  # what would price them (most share one: a catalog refresh of a service)
        lines.append(style.dim(f"To price them: {_clean(hint)}"))
    if len(hints) > 5:
        lines.append(style.dim(f"... and {len(hints) - 5} more ways to price them (see --format json)"))
    lines += [style.dim(f"warning: {_clean(w)}") for w in project.warnings[:10]]
    if len(project.warnings) > 10:
        lines.append(style.dim(f"... and {len(project.warnings) - 10} more warnings"))
    if project.unknowns:  # HCL mode: what the files alone cannot tell, never a guessed value
        lines.append(
            style.warn(f"Unknown without the cloud ({len(project.unknowns)}): ")
            + "; ".join(_clean(u) for u in project.unknowns[:10])
            + (f"; ... and {len(project.unknowns) - 10} more (see --format json)" if len(project.unknowns) > 10 else "")
        )
    return lines


def _side_cell(cost: Decimal, components: Sequence[PricedComponent], complete: bool) -> str:
    """A side's cost: "not priced" when nothing on it has a price, "(partial)" when some lack one."""
    if complete:
        return money(cost)
    if all(c.no_price is not None for c in components):  # also an unsupported resource (no components)
        return "not priced"
    return money(cost) + " (partial)"


_SYMBOL = {Action.CREATE: "+", Action.DELETE: "-", Action.UPDATE: "~", Action.REPLACE: "-/+", Action.FORGET: "forget"}


def _diff_project(project: Project, style: _Style) -> list[str]:
    changed: list[ResourceCost] = [
        r for r in project.resources if r.resource.action in _SYMBOL and (r.delta or r.support is not Support.FREE)
    ]
    rows: list[Row | None] = []
    for r in changed:
        before = (
            _side_cell(r.before_monthly_cost, r.before_components, r.before_complete)
            if r.resource.action.exists_before
            else "-"
        )
        after = _side_cell(r.monthly_cost, r.components, r.after_complete) if r.resource.action.exists_after else "-"
        note = "" if r.support is Support.PRICED else f" ({r.support.value})"
        change = money(r.delta, signed=True) + ("" if r.before_complete and r.after_complete else " (incomplete)")
        rows.append((_SYMBOL[r.resource.action], _clean(r.address) + note, before, after, change))
    lines = [style.bold(f"Project: {_clean(project.name)}"), ""]
    if rows:
        lines += layout(("", "Resource", "Before", "After", "Change"), rows, LEFT + LEFT + RIGHT + RIGHT + RIGHT, style)
    else:
        n = sum(1 for r in project.resources if r.resource.action not in _SYMBOL)
        free = len(project.resources) - n
        also = f"{free} free resource{'' if free == 1 else 's'} change{'s' if free == 1 else ''}; " if free else ""
        still = f"{n} unchanged resource{'' if n == 1 else 's'}" if n or not free else ""
        lines += [style.dim(f"No priced resource changes ({(also + still).rstrip('; ')})."), ""]
    t = project.totals
    pct = f", {percent(t.delta_percent)}" if t.delta_percent is not None else ""
    sides = [name for name, ok in (("before", t.before_complete), ("after", t.after_complete)) if not ok]
    partial = (
        f"; incomplete: the {' and '.join(sides)} side{'s' if len(sides) > 1 else ''} lack{'' if len(sides) > 1 else 's'} prices"
        if sides
        else ""
    )
    lines.append(
        style.bold("Monthly cost change: ")
        + f"{money(t.before)} -> {money(t.after)} ({money(t.delta, signed=True)}{pct}{partial})"
    )
    return lines + _tail(project, style)


def render(estimate: Estimate, *, diff: bool = False, color: bool = False) -> str:
    """The terminal table for a breakdown (default) or a diff.

    The last estimate's table is kept (by a weak reference), as estimate_document.to_dict keeps
    its document: `check` renders it while its Rego policies evaluate (registry.prepare) and
    writes it out after them; on a 20,000-resource plan it takes 0.3 s."""
    held = _last[0]
    if held is not None and held[0]() is estimate and held[1] == (diff, color):
        return held[2]
    text = _render(estimate, diff=diff, color=color)
    _last[0] = (weakref.ref(estimate), (diff, color), text)
    return text


_last: list[tuple[weakref.ref[Estimate], tuple[bool, bool], str] | None] = [None]


def _render(estimate: Estimate, *, diff: bool, color: bool) -> str:
    style = _Style(color)
    lines: list[str] = []
    message = estimate.counts.incomplete_message()
    if message is not None:
        lines += [style.warn(message), ""]
    for project in estimate.projects:
        lines += (_diff_project if diff else _breakdown_project)(project, style)
        lines.append("")
    t = estimate.totals
    if len(estimate.projects) > 1:
        lines.append(style.bold("Overall: ") + f"{money(t.before)} -> {money(t.after)} ({money(t.delta, signed=True)})")
    if estimate.free_tier:
        covered = ", ".join(f"{_clean(name)} {quantity(q)}" for name, q in estimate.free_tier.items())
        lines.append(f"AWS always-free allowances subtracted: {covered}")
    lines.append(
        style.dim(
            f"Prices: costgate catalog {estimate.catalog.catalog_id}; {estimate.price_dates.describe() or 'no prices used'}; "
            f"a month is 730 hours; {currency_note(estimate)}."
        )
    )
    return "\n".join(lines) + "\n"
