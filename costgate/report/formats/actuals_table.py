"""`actuals compare --format table`: a table per key with its reasons."""

from __future__ import annotations

from costgate.report.base import ActualsReport
from costgate.report.registry import register


@register
class ActualsTableFormat:
    """See costgate.report.actuals."""

    name = "table"
    commands = frozenset({"actuals"})

    def render(self, report: ActualsReport) -> str:
        """Estimate against actual spend for one month."""
        from costgate.report.actuals import actuals_table

        return actuals_table(report.comparison)
