"""`anomalies --format json`: the out-of-line changes as a versioned JSON document (money as decimal strings)."""

from __future__ import annotations

from costgate.report.base import AnomaliesReport
from costgate.report.registry import register


@register
class AnomaliesJsonFormat:
    """See costgate.report.anomalies."""

    name = "json"
    commands = frozenset({"anomalies"})

    def render(self, report: AnomaliesReport) -> str:
        """The step changes `costgate anomalies` found in the ledger."""
        from costgate.report.anomalies import anomalies_json

        return anomalies_json(report.steps, by=report.by, params=report.params)
