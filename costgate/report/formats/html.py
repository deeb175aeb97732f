"""`--format html`: one self-contained page (docs/report.md), for `costgate report` and the others."""

from __future__ import annotations

from costgate.report.base import Report
from costgate.report.registry import register


@register
class HtmlFormat:
    """A page a manager opens from the pull request: summary, charts, top resources, the diff,
    findings, unit costs and trend (report/html.py). Without a gate result (breakdown, diff) the
    verdict, findings and team chart are left out."""

    name = "html"
    commands = frozenset({"breakdown", "diff", "check", "report"})

    def render(self, report: Report) -> str:
        """The whole page."""
        from costgate.report.html import render

        return render(report)
