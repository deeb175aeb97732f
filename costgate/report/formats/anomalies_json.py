"""`anomalies --format json`: the changes out of line as versioned JSON (money as decimal strings)."""

from __future__ import annotations

from costgate.report.base import AnomaliesReport
from costgate.report.registry import register


@register
class AnomaliesJsonFormat:
    """See costgate.report.anomalies."""

    name = "json"
    commands = frozenset({"anomalies"})

    def render(self, report: AnomaliesReport) -> str:
        """The step changes for `costgate anomalies`."""
        from costgate.report.anomalies import render_anomalies

        return render_anomalies(report.steps, self.name, by=report.by, params=report.params, currency=report.currency)
