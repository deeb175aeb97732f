"""`actuals compare --format json`: versioned JSON (docs/actuals.md)."""

from __future__ import annotations

from costgate.report.base import ActualsReport
from costgate.report.registry import register


@register
class ActualsJsonFormat:
    """See costgate.report.actuals."""

    name = "json"
    commands = frozenset({"actuals"})

    def render(self, report: ActualsReport) -> str:
        """Estimate against actual spend for one month."""
        from costgate.report.actuals import actuals_json

        return actuals_json(report.comparison)
