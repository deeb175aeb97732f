"""The gate's part of `check --format table`: findings, budgets, showback and the verdict.

rich lays these tables out (they are short); the estimate's table above them is report/table.py.
Plan- and config-controlled text is escaped for rich markup and stripped of control characters.
"""

from __future__ import annotations

import io

from rich.console import Console
from rich.markup import escape as _markup_escape
from rich.table import Table

from costgate.gate.model import GateResult, Severity, Verdict
from costgate.money import money
from costgate.report.console import PIPE_WIDTH
from costgate.report.terminal import safe_text


def escape(text: str) -> str:
    """Plan- or config-controlled text for a rich table: control characters and markup neutralised."""
    return _markup_escape(safe_text(text))


_STYLE = {Severity.BLOCK: "red", Severity.WARN: "yellow", Severity.INFO: "cyan"}
_VERDICT = {Verdict.PASS: "green", Verdict.WARN: "yellow", Verdict.BLOCK: "red"}


def render_gate_table(gate: GateResult, *, color: bool = False, width: int = PIPE_WIDTH) -> str:
    """Findings, budgets, showback and the verdict as terminal tables, `width` columns wide."""
    buf = io.StringIO()
    console = Console(file=buf, width=width, force_terminal=color, no_color=not color, highlight=False, soft_wrap=False)
    if gate.findings:
        table = Table(title="Findings", title_justify="left")
        for col in ("Severity", "Rule", "Resource", "Message", "Saving/mo", "Owner"):
            table.add_column(col, justify="right" if col == "Saving/mo" else "left")
        for f in sorted(
            gate.findings, key=lambda f: (f.waived, -list(Severity).index(f.severity), f.code, f.address or "")
        ):
            sev = f"[{_STYLE[f.severity]}]{f.severity.value}[/]" + (" (waived)" if f.waived else "")
            message = f.message + (f" [waived: {f.waiver_reason}]" if f.waived else "")  # escaped below
            table.add_row(
                sev,
                escape(f"{f.code} {f.name}" if f.name != f.code else f.code),
                escape(f.address or "-"),
                escape(message),
                money(f.monthly_saving),
                escape(f.owner or "-"),
            )
        console.print(table)
    else:
        console.print("No findings.")
    if gate.budgets:
        table = Table(title="Budgets", title_justify="left")
        for col in ("Budget", "Scope", "Cap", "Before", "After", "Status"):
            table.add_column(col)
        for b in gate.budgets:
            table.add_row(escape(b.name), escape(b.scope), money(b.limit), money(b.before), money(b.after), b.status)
        console.print(table)
    if gate.team_costs:
        table = Table(title="Showback (monthly, by owning team)", title_justify="left")
        for col in ("Team", "Before", "After", "Change"):
            table.add_column(col, justify="left" if col == "Team" else "right")
        for team, (before, after) in gate.team_costs.items():
            table.add_row(escape(team), money(before), money(after), money(after - before, signed=True))
        console.print(table)
    if gate.unit_costs:
        from costgate.report.unit_costs import unit_lines

        console.print("Unit costs:")
        for line in unit_lines(gate.unit_costs):
            console.print(f"  {escape(line)}")
    for note in gate.notes:
        console.print(f"[dim]note: {escape(note)}[/dim]")
    for expired in gate.expired_waivers:
        console.print(f"[yellow]expired:[/yellow] {escape(expired)}")
    blocking = gate.blocking
    counts = f"{len(blocking)} blocking, {len(gate.warnings)} warning(s), {len(gate.waived)} waived"
    console.print(f"[bold]Verdict: [{_VERDICT[gate.verdict]}]{gate.verdict.value.upper()}[/][/bold] ({counts})")
    for f in blocking:
        console.print(f"  blocked by {escape(f.code)} ({escape(f.name)}): {escape(f.message)}")
    return buf.getvalue()
