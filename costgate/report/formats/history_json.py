"""`history --format json`: the series as a versioned JSON document (money as decimal strings)."""

from __future__ import annotations

from costgate.report.base import HistoryReport
from costgate.report.registry import register


@register
class HistoryJsonFormat:
    """See costgate.report.history."""

    name = "json"
    commands = frozenset({"history"})

    def render(self, report: HistoryReport) -> str:
        """The ledger's series for `costgate history`."""
        from costgate.report.history import history_json

        return history_json(report.series, by=report.by)
