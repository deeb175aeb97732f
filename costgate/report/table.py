"""`--format table`: the terminal view of a breakdown or diff (rich).

Breakdown lists what the plan leaves running, component by component; diff lists what the
change adds, removes and alters, with the cost either side. Unsupported resources and
unpriced components are shown with their reasons, and the footer names the catalog date.
"""

from __future__ import annotations

import io

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from costgate.estimate import Estimate, PricedComponent, Project, ResourceCost
from costgate.model import Action
from costgate.report.money import money, percent, quantity, unit_price
from costgate.resources.registry import Support


def _console(buf: io.StringIO, color: bool) -> Console:
    return Console(file=buf, width=140, force_terminal=color, no_color=not color, highlight=False, soft_wrap=False)


def _component_row(table: Table, c: PricedComponent, indent: str = "  ") -> None:
    name = c.name + (f" [{c.path}]" if c.path else "")
    if c.no_price is not None:
        cost = "not priced"
    elif c.monthly_cost is None:
        cost = "depends on usage"
    else:
        cost = money(c.monthly_cost)
    if c.cost_range is not None:
        cost += f" ({money(c.cost_range[0])} - {money(c.cost_range[1])})"
    table.add_row(escape(indent + name), quantity(c.monthly_quantity), escape(c.unit), unit_price(c.unit_price), cost)


def _breakdown_project(console: Console, project: Project) -> None:
    table = Table(title=f"Project: {escape(project.name)}", title_justify="left", show_lines=False, expand=False)
    for col, just in (("Name", "left"), ("Monthly qty", "right"), ("Unit", "left"), ("Unit price", "right"), ("Monthly cost", "right")):
        table.add_column(col, justify=just)  # type: ignore[arg-type]
    for r in project.resources:
        if not r.resource.action.exists_after or r.support is not Support.PRICED or not r.components:
            continue
        table.add_row(f"[bold]{escape(r.address)}[/bold]", "", "", "", "")
        for c in r.components:
            _component_row(table, c)
        table.add_row("", "", "", "", f"[bold]{money(r.monthly_cost)}[/bold]")
    console.print(table)
    _tail(console, project)


def _tail(console: Console, project: Project) -> None:
    t = project.totals
    span = f"  (range {money(t.after_min)} - {money(t.after_max)})" if t.after_min is not None else ""
    console.print(f"[bold]Total monthly cost:[/bold] {money(t.after)}{span}" + (f"  (of which usage-based {money(t.usage_after)})" if t.usage_after else ""))
    usage = sum(1 for r in project.resources for c in r.components if c.monthly_quantity is None and c.no_price is None)
    counts = _counts(project)
    console.print(
        f"{counts['resources']} resources: {counts['priced']} priced, {counts['free']} free, "
        f"{counts['unsupported']} unsupported; {len(project.unpriced)} components not priced; "
        f"{usage} components depend on usage"
    )
    if project.unsupported:
        types: dict[str, int] = {}
        for r in project.unsupported:
            types[r.resource.type] = types.get(r.resource.type, 0) + 1
        console.print("[yellow]Unsupported (not included in totals):[/yellow] " + escape(", ".join(f"{n} x {t}" for t, n in sorted(types.items()))))
    for r, c in project.unpriced[:20]:
        assert c.no_price is not None
        console.print(f"[yellow]Not priced:[/yellow] {escape(r.address)} {escape(c.name)}: {escape(c.no_price.reason)} ({escape(c.no_price.query.describe())})")
    if len(project.unpriced) > 20:
        console.print(f"[yellow]... and {len(project.unpriced) - 20} more components not priced (see --format json)[/yellow]")
    for w in project.warnings[:10]:
        console.print(f"[dim]warning: {escape(w)}[/dim]")


def _counts(project: Project) -> dict[str, int]:
    rs = project.resources
    return {
        "resources": len(rs),
        "priced": sum(1 for r in rs if r.support is Support.PRICED),
        "free": sum(1 for r in rs if r.support is Support.FREE),
        "unsupported": sum(1 for r in rs if r.support is Support.UNSUPPORTED),
    }


_SYMBOL = {Action.CREATE: "+", Action.DELETE: "-", Action.UPDATE: "~", Action.REPLACE: "-/+", Action.FORGET: "forget"}


def _diff_project(console: Console, project: Project) -> None:
    table = Table(title=f"Project: {escape(project.name)}", title_justify="left")
    for col, just in (("", "left"), ("Resource", "left"), ("Before", "right"), ("After", "right"), ("Change", "right")):
        table.add_column(col, justify=just)  # type: ignore[arg-type]
    changed: list[ResourceCost] = [
        r for r in project.resources if r.resource.action in _SYMBOL and (r.delta or r.support is not Support.FREE)
    ]
    for r in changed:
        before = money(r.before_monthly_cost) if r.resource.action.exists_before else "-"
        after = money(r.monthly_cost) if r.resource.action.exists_after else "-"
        note = "" if r.support is Support.PRICED else f" ({r.support.value})"
        table.add_row(_SYMBOL[r.resource.action], escape(r.address) + note, before, after, money(r.delta, signed=True))
    console.print(table)
    t = project.totals
    console.print(
        f"[bold]Monthly cost change:[/bold] {money(t.before)} -> {money(t.after)} "
        f"({money(t.delta, signed=True)}{', ' + percent(t.delta_percent) if t.delta_percent is not None else ''})"
    )
    _tail(console, project)


def render(estimate: Estimate, *, diff: bool = False, color: bool = False) -> str:
    """The terminal table for a breakdown (default) or a diff."""
    buf = io.StringIO()
    console = _console(buf, color)
    for project in estimate.projects:
        (_diff_project if diff else _breakdown_project)(console, project)
        console.print()
    t = estimate.totals
    if len(estimate.projects) > 1:
        console.print(f"[bold]Overall:[/bold] {money(t.before)} -> {money(t.after)} ({money(t.delta, signed=True)})")
    console.print(f"[dim]Prices: costgate catalog {estimate.catalog.catalog_id}, price date {estimate.catalog.price_date}; a month is 730 hours; USD.[/dim]")
    return buf.getvalue()
