"""The format registry: `--format` choices come from here, and a test checks each maps to an
implementation (so a choice can never be offered without one)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from costgate.errors import CostgateError
from costgate.estimate import Estimate
from costgate.gate.model import GateResult
from costgate.report.console import PIPE_WIDTH

if TYPE_CHECKING:  # pydantic (via the config model) is imported only by commands that read a config
    from costgate.gate.unit_costs import UnitCost


@dataclass(frozen=True)
class Report:
    """Everything a format may show: the estimate, and the gate's result when a config was given."""

    estimate: Estimate
    diff: bool = False
    color: bool = False
    gate: GateResult | None = None
    width: int = PIPE_WIDTH  # columns of a rich table (report/console.table_width)
    unit_costs: tuple[UnitCost, ...] = ()
    """Cost per business unit (costgate.yml unit_metrics); the gate's when it ran."""


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
        from costgate.report.unit_costs import unit_lines

        text = table.render(report.estimate, diff=report.diff, color=report.color)
        units = unit_lines(report.unit_costs, diff=report.diff)
        return text + "".join(f"{line}\n" for line in units) if units else text


@dataclass(frozen=True)
class JsonFormat:
    """Versioned JSON (schema in costgate/schemas/)."""

    def render(self, report: Report) -> str:
        """See costgate.report.json_format."""
        from costgate.report import json_format

        return json_format.render(report.estimate, report.unit_costs)


@dataclass(frozen=True)
class MarkdownFormat:
    """Markdown for pull-request comments and job summaries (jinja2 templates, escaped)."""

    def render(self, report: Report) -> str:
        """See costgate.report.markdown (no size limit; `comment` applies the platform's)."""
        from costgate.report import markdown

        return markdown.render(report)  # unit costs: report.unit_costs


FORMATS: dict[str, Format] = {"table": TableFormat(), "json": JsonFormat(), "markdown": MarkdownFormat()}


def estimate_format_names() -> list[str]:
    """The `--format` choices of breakdown and diff."""
    return list(FORMATS)


def get_format(name: str) -> Format:
    """The implementation of a format name."""
    try:
        return FORMATS[name]
    except KeyError as exc:
        raise CostgateError(f"unknown format {name!r} (choose from {', '.join(FORMATS)})") from exc
