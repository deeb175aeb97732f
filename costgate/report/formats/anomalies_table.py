"""`anomalies --format table`: the out-of-line changes as a text table."""

from __future__ import annotations

from costgate.report.base import AnomaliesReport
from costgate.report.registry import register


@register
class AnomaliesTableFormat:
    """See costgate.report.anomalies."""

    name = "table"
    commands = frozenset({"anomalies"})

    def render(self, report: AnomaliesReport) -> str:
        """The step changes `costgate anomalies` found in the ledger."""
        from costgate.report.anomalies import anomalies_table

        return anomalies_table(report.steps, by=report.by, params=report.params)
