"""The format registry: `--format` choices come from here, and a test checks each maps to an
implementation (so a choice can never be offered without one)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from costgate.estimate import Estimate
from costgate.errors import CostgateError
from costgate.gate.model import GateResult
from costgate.report.console import PIPE_WIDTH


@dataclass(frozen=True)
class Report:
    """Everything a format may show: the estimate, and the gate's result when a config was given."""

    estimate: Estimate
    diff: bool = False
    color: bool = False
    gate: GateResult | None = None
    width: int = PIPE_WIDTH  # columns of a rich table (report/console.table_width)


class Format(Protocol):
    """Report in, text out (one implementation per `--format` choice)."""

    def render(self, report: Report) -> str:
        """The whole output."""
        ...


@dataclass(frozen=True)
class TableFormat:
    """Terminal table (rich)."""

    def render(self, report: Report) -> str:
        """See costgate.report.table."""
        from costgate.report import table

        return table.render(report.estimate, diff=report.diff, color=report.color)


@dataclass(frozen=True)
class JsonFormat:
    """Versioned JSON (schema in costgate/schemas/)."""

    def render(self, report: Report) -> str:
        """See costgate.report.json_format."""
        from costgate.report import json_format

        return json_format.render(report.estimate)


@dataclass(frozen=True)
class MarkdownFormat:
    """Markdown for pull-request comments and job summaries (jinja2 templates, escaped)."""

    def render(self, report: Report) -> str:
        """See costgate.report.markdown (no size limit; `comment` applies the platform's)."""
        from costgate.report import markdown

        return markdown.render(report)


@dataclass(frozen=True)
class HtmlFormat:
    """One self-contained HTML page: summary, charts, top resources, diff, findings (docs/report.md)."""

    def render(self, report: Report) -> str:
        """See costgate.report.html (`costgate report` adds the trend and unit costs)."""
        from costgate.report import html

        return html.render(report)


FORMATS: dict[str, Format] = {"table": TableFormat(), "json": JsonFormat(), "markdown": MarkdownFormat(),
                              "html": HtmlFormat()}


def estimate_format_names() -> list[str]:
    """The `--format` choices of breakdown and diff."""
    return list(FORMATS)


def get_format(name: str) -> Format:
    """The implementation of a format name."""
    try:
        return FORMATS[name]
    except KeyError as exc:
        raise CostgateError(f"unknown format {name!r} (choose from {', '.join(FORMATS)})") from exc
