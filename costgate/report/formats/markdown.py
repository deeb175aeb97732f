"""`--format markdown` and the pull-request comment: jinja2 templates, everything from a plan escaped."""

from __future__ import annotations

from costgate.report.base import Report
from costgate.report.registry import register


@register
class MarkdownFormat:
    """Markdown for job summaries and pull-request comments (report/markdown.py).

    `report.markdown` carries a destination's options (a platform's size limit, HTML or not);
    without them everything is written."""

    name = "markdown"
    commands = frozenset({"breakdown", "diff", "comment"})

    def render(self, report: Report) -> str:
        """The report, cut to `report.markdown.max_chars` when set."""
        from costgate.report.markdown import render_markdown

        return render_markdown(
            report.estimate, gate=report.gate, diff=report.diff, options=report.markdown, unit_costs=report.units
        )
