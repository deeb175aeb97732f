"""`--format focus`: the FinOps FOCUS 1.2 forecast dataset (report/focus.py) of breakdown and showback."""

from __future__ import annotations

from costgate.report.base import Report, ShowbackReport
from costgate.report.registry import register


@register
class FocusFormat:
    """CSV in FOCUS columns for the tools that read cloud bills (Parquet: the command writes it
    when --out ends in .parquet)."""

    name = "focus"
    commands = frozenset({"breakdown", "showback"})

    def render(self, report: Report | ShowbackReport) -> str:
        """One row per priced after-side component (per owner's share for showback)."""
        from costgate.report.focus import focus_result, render_csv

        return render_csv(focus_result(report))
