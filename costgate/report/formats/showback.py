"""`costgate showback --format table|json|csv`: cost per owner (report/showback.py)."""

from __future__ import annotations

from costgate.report.base import ShowbackReport
from costgate.report.registry import register


@register
class ShowbackTableFormat:
    """Owners, direct and shared cost, share of the total, what the cost leaves out."""

    name = "table"
    commands = frozenset({"showback"})

    def render(self, report: ShowbackReport) -> str:
        """See report/showback.render_table."""
        from costgate.report.showback import render_table

        return render_table(report.showback, color=report.color, width=report.width)


@register
class ShowbackJsonFormat:
    """The versioned showback document (owners, shared pools, totals)."""

    name = "json"
    commands = frozenset({"showback"})

    def render(self, report: ShowbackReport) -> str:
        """See report/showback.render_json."""
        from costgate.report.showback import render_json

        return render_json(report.showback)


@register
class ShowbackCsvFormat:
    """One row per owner with exact decimal text, for spreadsheets."""

    name = "csv"
    commands = frozenset({"showback"})

    def render(self, report: ShowbackReport) -> str:
        """See report/showback.render_csv."""
        from costgate.report.showback import render_csv

        return render_csv(report.showback)
