"""The output contract: what a format is given (a Report) and what it must do (render it to text).

Why one contract: output used to be rendered in two packages with two registries (report/ for
breakdown and diff, gate/ for check, ledger/ for history), so the same estimate could be shown
three ways. Now every `--format` choice of every command is a Format registered in
costgate/report/formats/ (see report/registry.py and docs/output-layer.md), and report/ is the only
package that renders.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, Protocol, TypeVar

from costgate.estimate import Estimate
from costgate.gate.model import Finding, GateResult
from costgate.report.console import PIPE_WIDTH

if TYPE_CHECKING:  # the renderers' own modules (jinja2, SQLAlchemy) load only when they render
    from datetime import date

    from costgate.gate.anomaly import AnomalyParams, StepChange
    from costgate.gate.showback import Showback
    from costgate.gate.unit_costs import UnitCost
    from costgate.ledger.history import Series
    from costgate.report.markdown import MarkdownOptions
    from costgate.report.trend import Trend
    from costgate.spend.model import Comparison
    from costgate.whatif.model import WhatIf

Command = Literal[
    "breakdown", "diff", "check", "comment", "history", "anomalies", "showback", "whatif", "actuals", "report"
]
"""A command whose output comes from the format registry."""


@dataclass(frozen=True)
class Report:
    """Everything a format may show about one estimate: the Estimate, and the gate's result when the
    command ran the gate (check always, comment with a config).

    `diff` shows the change (prior -> planned) rather than what the plan leaves running; `color`
    and `width` describe the terminal (report/console decides them once per run); `markdown`
    carries a destination's markdown options (a platform's size limit, HTML or not), None for
    `--format markdown`, which writes everything. `trend` is the ledger's run-rate of the report's
    projects (`costgate report` with a ledger; the html format shows it), None without one.
    """

    estimate: Estimate
    gate: GateResult | None = None
    diff: bool = False
    color: bool = False
    width: int = PIPE_WIDTH
    markdown: MarkdownOptions | None = None
    trend: Trend | None = None
    day: date | None = None
    """The estimate date (`--as-of`), which dates a FOCUS forecast's month; None: today."""
    unit_costs: tuple[UnitCost, ...] = ()
    """Cost per business unit (costgate.yml unit_metrics) for commands that ran no gate; a gate
    result carries its own (GateResult.unit_costs), which formats prefer."""
    early_findings: tuple[Finding, ...] = ()
    """Findings known before the gate's result is whole (check: the built-in rules', while Rego
    policies evaluate), for a format's `prepare` to lay out ahead of `render`."""

    @property
    def units(self) -> tuple[UnitCost, ...]:
        """The unit costs to show: the gate's when it ran, else the command's."""
        return self.gate.unit_costs if self.gate is not None and self.gate.unit_costs else self.unit_costs


@dataclass(frozen=True)
class HistoryReport:
    """The ledger's monthly run-rate series (`costgate history`), grouped `by` project or team."""

    series: Sequence[Series]
    by: str
    color: bool = False
    width: int = PIPE_WIDTH


@dataclass(frozen=True)
class ActualsReport:
    """Estimate against actual spend for one billed month (`costgate actuals compare`)."""

    comparison: Comparison


@dataclass(frozen=True)
class ShowbackReport:
    """`costgate showback`: cost per owner (gate/showback.py) and the estimate it came from;
    `day` dates the FOCUS charge period (the month holding it)."""

    showback: Showback
    estimate: Estimate
    day: date
    color: bool = False
    width: int = PIPE_WIDTH


@dataclass(frozen=True)
class AnomaliesReport:
    """The recorded changes out of line with their history (`costgate anomalies`), judged `by`
    project or team with the CG908 thresholds `params`."""

    steps: Sequence[StepChange]
    by: str
    params: AnomalyParams
    currency: str = "USD"


@dataclass(frozen=True)
class WhatIfReport:
    """`costgate whatif`'s answer (the plan priced per region, with its swaps and suggestions)."""

    result: WhatIf
    color: bool = False
    width: int = PIPE_WIDTH


ReportT_contra = TypeVar("ReportT_contra", contravariant=True)


class Format(Protocol[ReportT_contra]):
    """One `--format` choice: a report in, the whole output as text out.

    `name` is the choice (`table`, `json`, ...); `commands` are the commands that offer it. A
    format registered for a command receives that command's report type: Report for breakdown,
    diff, check and comment, HistoryReport for history, ActualsReport for actuals. Renderers are
    pure: no I/O, no state.
    """

    @property
    def name(self) -> str:
        """The `--format` choice."""
        ...

    @property
    def commands(self) -> frozenset[str]:
        """The commands that offer this choice."""
        ...

    def render(self, report: ReportT_contra, /) -> str:
        """The whole output (ending in a newline where the format has lines)."""
        ...
