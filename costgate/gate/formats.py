"""The `--format` choices of `costgate check`: table, json and sarif.

These render a Report that carries a gate result. The breakdown/diff registry
(costgate/report/formats.py) stays for formats that also apply without a gate; `check`
reuses its table and JSON estimate renderers and adds the gate's findings, budgets,
showback and verdict.
"""

from __future__ import annotations

import io
from typing import Any

import orjson
from rich.console import Console
from rich.markup import escape as _markup_escape
from rich.table import Table

from costgate.errors import CostgateError
from costgate.gate.model import GateResult, Severity, Verdict
from costgate.report.console import PIPE_WIDTH
from costgate.report.formats import Format, Report, get_format
from costgate.report.json_format import unit_costs_of
from costgate.report.money import money
from costgate.report.sarif import SarifFormat
from costgate.report.terminal import safe_text

GATE_JSON_VERSION = "1.0"


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
        for f in sorted(gate.findings, key=lambda f: (f.waived, -list(Severity).index(f.severity), f.code, f.address or "")):
            sev = f"[{_STYLE[f.severity]}]{f.severity.value}[/]" + (" (waived)" if f.waived else "")
            message = f.message + (f" [waived: {f.waiver_reason}]" if f.waived else "")  # escaped below
            table.add_row(sev, escape(f"{f.code} {f.name}" if f.name != f.code else f.code), escape(f.address or "-"),
                          escape(message), money(f.monthly_saving), escape(f.owner or "-"))
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
    active = gate.active
    blocking = [f for f in active if f.severity is Severity.BLOCK]
    counts = f"{len(blocking)} blocking, {sum(1 for f in active if f.severity is Severity.WARN)} warning(s), " \
             f"{sum(1 for f in gate.findings if f.waived)} waived"
    console.print(f"[bold]Verdict: [{_VERDICT[gate.verdict]}]{gate.verdict.value.upper()}[/][/bold] ({counts})")
    for f in blocking:
        console.print(f"  blocked by {escape(f.code)} ({escape(f.name)}): {escape(f.message)}")
    return buf.getvalue()


def gate_to_dict(gate: GateResult) -> dict[str, Any]:
    """The gate part of `check --format json` (money as JSON numbers, unrounded)."""
    def num(value: Any) -> float | None:
        return None if value is None else float(value)

    return {
        "verdict": gate.verdict.value,
        "findings": [{
            "code": f.code, "name": f.name, "title": f.title, "severity": f.severity.value, "source": f.source,
            "message": f.message, "address": f.address, "project": f.project, "owner": f.owner,
            "monthly_saving": num(f.monthly_saving), "waived": f.waived, "waiver_reason": f.waiver_reason,
            "status": f.status or None, "file": f.file, "line": f.line,
        } for f in gate.findings],
        "budgets": [{"name": b.name, "scope": b.scope, "limit": num(b.limit), "before": num(b.before),
                     "after": num(b.after), "status": b.status, "message": b.message} for b in gate.budgets],
        "teams": [{"team": t, "before": num(b), "after": num(a), "delta": num(a - b)} for t, (b, a) in gate.team_costs.items()],
        "owners": dict(gate.owners),
        "expired_waivers": list(gate.expired_waivers),
        "notes": list(gate.notes),
        "incomplete_estimate": gate.incomplete,
        "unit_costs": unit_costs_of(gate.unit_costs),
    }


class GateTableFormat:
    """The diff table of the estimate, then the gate."""

    def render(self, report: Report) -> str:
        """Estimate diff, findings, budgets, showback, verdict."""
        text = get_format("table").render(Report(report.estimate, diff=True, color=report.color))
        return text + "\n" + (render_gate_table(report.gate, color=report.color, width=report.width) if report.gate else "")


class GateJsonFormat:
    """{"version", "gate": {...}, "estimate": <the breakdown JSON document>}."""

    def render(self, report: Report) -> str:
        """The gate and the estimate in one JSON document."""
        from costgate.report.json_format import to_dict

        doc = {"version": GATE_JSON_VERSION, "gate": gate_to_dict(report.gate) if report.gate else None,
               "estimate": to_dict(report.estimate)}
        return orjson.dumps(doc, option=orjson.OPT_INDENT_2).decode() + "\n"


CHECK_FORMATS: dict[str, Format] = {"table": GateTableFormat(), "json": GateJsonFormat(), "sarif": SarifFormat()}


def check_format_names() -> list[str]:
    """The `--format` choices of check."""
    return list(CHECK_FORMATS)


def get_check_format(name: str) -> Format:
    """The implementation of a check format name."""
    try:
        return CHECK_FORMATS[name]
    except KeyError as exc:
        raise CostgateError(f"unknown format {name!r} (choose from {', '.join(CHECK_FORMATS)})") from exc
