"""`--format json`: the versioned estimate document (costgate/schemas/), wrapped with the gate's
result for check."""

from __future__ import annotations

from costgate.report.base import Report
from costgate.report.registry import register


@register
class JsonFormat:
    """One serialiser of the estimate (report/json_format.py) for every command."""

    name = "json"
    commands = frozenset({"breakdown", "diff", "check"})

    def prepare(self, report: Report) -> None:
        """Build the estimate's document (kept by estimate_document.to_dict for `render`)."""
        from costgate.estimate_document import to_dict

        to_dict(report.estimate)

    def render(self, report: Report) -> str:
        """The estimate document, or {"version", "gate", "estimate"} when the gate ran."""
        return self.render_bytes(report).decode()

    def render_bytes(self, report: Report) -> bytes:
        """`render` as UTF-8 bytes (registry.render_bytes: written to stdout or --out as they are)."""
        from costgate.report import json_format

        if report.gate is None:
            return json_format.render_bytes(report.estimate, report.unit_costs)
        return json_format.render_check_bytes(report.estimate, report.gate)
