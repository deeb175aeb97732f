"""`history --format csv`: one CSV row per month and key, then that month's changes."""

from __future__ import annotations

from costgate.report.base import HistoryReport
from costgate.report.registry import register


@register
class HistoryCsvFormat:
    """See costgate.report.history."""

    name = "csv"
    commands = frozenset({"history"})

    def render(self, report: HistoryReport) -> str:
        """The ledger's series for `costgate history`."""
        from costgate.report.history import history_csv

        return history_csv(report.series)
