"""`actuals compare --format csv`: one row per key, for a spreadsheet."""

from __future__ import annotations

from costgate.report.base import ActualsReport
from costgate.report.registry import register


@register
class ActualsCsvFormat:
    """See costgate.report.actuals."""

    name = "csv"
    commands = frozenset({"actuals"})

    def render(self, report: ActualsReport) -> str:
        """Estimate against actual spend for one month."""
        from costgate.report.actuals import actuals_csv

        return actuals_csv(report.comparison)
