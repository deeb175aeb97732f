"""`check --format sarif`: findings as SARIF 2.1.0 for code-scanning tools."""

from __future__ import annotations

from costgate.errors import CostgateError
from costgate.report.base import Report
from costgate.report.registry import register


@register
class SarifFormat:
    """The gate's findings as one SARIF run (report/sarif.py); needs a gate result."""

    name = "sarif"
    commands = frozenset({"check"})

    def render(self, report: Report) -> str:
        """The SARIF log, indented. Raises CostgateError without a gate result."""
        return self.render_bytes(report).decode()

    def render_bytes(self, report: Report) -> bytes:
        """`render` as UTF-8 bytes (registry.render_bytes: written to stdout or --out as they are)."""
        if report.gate is None:
            raise CostgateError("SARIF output needs a gate result (use `costgate check`)")
        from costgate.estimate_document import currency_rate
        from costgate.report.sarif import render_sarif_bytes

        return render_sarif_bytes(report.gate, currency=currency_rate(report.estimate))
