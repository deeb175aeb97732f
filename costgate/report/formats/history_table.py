"""`history --format table`: a run-rate table per project or team, with the runs that moved it."""

from __future__ import annotations

from costgate.report.base import HistoryReport
from costgate.report.registry import register


@register
class HistoryTableFormat:
    """See costgate.report.history."""

    name = "table"
    commands = frozenset({"history"})

    def render(self, report: HistoryReport) -> str:
        """The ledger's series for `costgate history`."""
        from costgate.report.history import history_table

        return history_table(report.series, by=report.by)
