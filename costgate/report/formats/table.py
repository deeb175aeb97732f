"""`--format table`: the terminal view of breakdown, diff and check (check adds the gate's tables)."""

from __future__ import annotations

from costgate.report.base import Report
from costgate.report.registry import register


@register
class TableFormat:
    """Fixed-width tables for a terminal or a CI log (report/table.py, report/gate_table.py)."""

    name = "table"
    commands = frozenset({"breakdown", "diff", "check"})

    def prepare(self, report: Report) -> None:
        """Lay out the estimate's table (kept by report.table.render for `render`) and the rows of
        the findings known so far (kept by report.gate_table for `render_gate_table`)."""
        from costgate.report import table

        table.render(report.estimate, diff=report.diff, color=report.color)
        if report.early_findings and not report.color:
            from costgate.report.gate_table import prepare_findings

            prepare_findings(report.early_findings, width=report.width)

    def render(self, report: Report) -> str:
        """The estimate (the change when `report.diff`), then findings, budgets and the verdict."""
        from costgate.report import table

        text = table.render(report.estimate, diff=report.diff, color=report.color)
        if report.gate is None:
            if not report.unit_costs:
                return text
            from costgate.report.unit_costs import unit_lines

            return text + "".join(f"{line}\n" for line in unit_lines(report.unit_costs, diff=report.diff))
        from costgate.report.gate_table import render_gate_table

        return text + "\n" + render_gate_table(report.gate, color=report.color, width=report.width)
