"""Is a cost change out of line with the history of changes? Robust statistics over the ledger.

A pull request's monthly delta is compared with the recorded main-branch changes of the same
project, and of the same team, in a window of days before it. Out of line means all of:

- enough history: at least `min_history` changes in the window (below that nothing is claimed);
- material: at least `min_amount` dollars a month and `min_run_rate_percent` of the current
  run-rate (a $30 change to a $10 project is 300 % but no news; a $300 change to a $1 M
  project is news to nobody);
- unusual: its robust z-score, |delta - median| / (1.4826 x MAD), reaches `threshold`.

The median and the median absolute deviation (MAD) are used instead of the mean and standard
deviation because one earlier outlier (the month a database was added) would inflate a standard
deviation and hide the next one; the median and MAD ignore up to half the points. 1.4826 scales
the MAD to the standard deviation of normal data, so `threshold` reads as "standard deviations".
When more than half of the changes are equal the MAD is 0; the mean absolute deviation
(x 1.2533, the same scaling) stands in, and when every change is equal any other delta is out
of line (subject to the materiality floors).

Everything here is pure: the ledger (costgate/ledger/anomalies.py) builds a CostHistory, the
gate's rule CG908 and `costgate anomalies` judge with it. Money stays Decimal throughout.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from costgate.money import money

MAD_SCALE = Decimal("1.4826")
"""1 / Φ⁻¹(3/4): the MAD of normal data times this is its standard deviation."""
MEAN_AD_SCALE = Decimal("1.2533")
"""√(π/2): the mean absolute deviation of normal data times this is its standard deviation."""

Direction = Literal["increase", "decrease", "both"]
ScopeKind = Literal["project", "team"]


class AnomalyParams(BaseModel):
    """Thresholds of rule CG908 and of `costgate anomalies` (costgate.yml:
    `policies.rules.CG908.params`), with defaults chosen to stay quiet on ordinary growth."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    window_days: int = Field(default=90, ge=1, le=3660, description="How far back changes count as history.")
    min_history: int = Field(
        default=10, ge=3, description="Fewer changes than this in the window: no anomaly is claimed."
    )
    threshold: Decimal = Field(
        default=Decimal(5), gt=0, description="Robust z-score from which a change is out of line."
    )
    min_amount: Decimal = Field(
        default=Decimal(100), ge=0, description="Smallest monthly delta (USD, absolute) worth flagging."
    )
    min_run_rate_percent: Decimal = Field(
        default=Decimal(10), ge=0, description="Smallest delta as a percentage of the current run-rate."
    )
    direction: Direction = Field(default="increase", description="Flag increases, decreases, or both.")


@dataclass(frozen=True, slots=True)
class PastChange:
    """One recorded main-branch run that moved a project's run-rate. A project's first run has
    `first` set: it is where the ledger starts following the project (its delta may be the
    whole project, or whatever a first plan showed), so it sets the run-rate but is never
    counted as a change."""

    project: str
    team: str | None
    recorded_at: datetime
    delta: Decimal
    run_rate_before: Decimal
    run_rate_after: Decimal
    pull_request: int | None = None
    head_commit: str | None = None
    first: bool = False


@dataclass(frozen=True, slots=True)
class CostHistory:
    """What the gate knows of the past: changes (and first runs) oldest first, each project's
    current run-rate and latest team, and the moment the window ends (now, for a pull request)."""

    changes: tuple[PastChange, ...]
    run_rates: Mapping[str, Decimal] = field(default_factory=dict)
    teams: Mapping[str, str | None] = field(default_factory=dict)
    as_of: datetime | None = None

    def team_run_rate(self, team: str) -> Decimal:
        """The sum of the current run-rates of the team's projects (by their latest team)."""
        return sum((rate for p, rate in self.run_rates.items() if self.teams.get(p) == team), Decimal(0))


@dataclass(frozen=True, slots=True)
class Judgement:
    """The numbers behind one out-of-line change, and the sentence a reviewer reads."""

    scope: ScopeKind
    name: str
    delta: Decimal
    changes: int
    median: Decimal
    spread: Decimal
    score: Decimal | None  # None: every past change was equal and this one is not (infinitely out of line)
    largest: Decimal  # the past change of largest magnitude, signed
    run_rate: Decimal
    window_days: int

    @property
    def ratio(self) -> Decimal | None:
        """|delta| over the largest past change's magnitude (None when that is 0)."""
        return abs(self.delta) / abs(self.largest) if self.largest else None

    def message(self) -> str:
        """E.g. "+$4,120.00/month is 9× the largest change to team payments in 90 days (29
        changes, median +$120.00)". Names are raw here; every renderer escapes them."""
        change, where = f"{money(self.delta, signed=True)}/month", f"{self.scope} {self.name}"
        days, context = (
            f"in {self.window_days} days",
            f"{self.changes} changes, median {money(self.median, signed=True)}",
        )
        ratio = self.ratio
        if ratio is not None and ratio >= 2:
            return f"{change} is {_times(ratio)}× the largest change to {where} {days} ({context})"
        if abs(self.delta) > abs(self.largest):
            return (
                f"{change} is larger than any change to {where} {days} "
                f"(largest {money(self.largest, signed=True)}; {context})"
            )
        return f"{change} is out of line with {where} {days} ({context}, typical spread {money(self.spread)})"


def _times(ratio: Decimal) -> str:
    """9×, 12×, 2.5× (one decimal below ten, none above: a ratio is a headline, not a figure)."""
    text = f"{ratio:.0f}" if ratio >= 10 else f"{ratio:.1f}"
    return text.removesuffix(".0")


def median(values: Sequence[Decimal]) -> Decimal:
    """The middle value (the mean of the two middle values for an even count). Raises ValueError
    when empty."""
    if not values:
        raise ValueError("median of no values")
    ordered = sorted(values)
    mid = len(ordered) // 2
    return ordered[mid] if len(ordered) % 2 else (ordered[mid - 1] + ordered[mid]) / 2


def spread(values: Sequence[Decimal], center: Decimal) -> Decimal:
    """A robust standard deviation: 1.4826 x MAD, or 1.2533 x the mean absolute deviation when
    the MAD is 0; 0 only when every value equals `center`."""
    deviations = [abs(v - center) for v in values]
    mad = median(deviations)
    if mad:
        return MAD_SCALE * mad
    return MEAN_AD_SCALE * sum(deviations, Decimal(0)) / len(deviations)


def judge(
    delta: Decimal, past: Sequence[Decimal], *, run_rate: Decimal, params: AnomalyParams, scope: ScopeKind, name: str
) -> Judgement | None:
    """A Judgement when `delta` is out of line with the `past` changes, else None (also when
    there is too little history to say)."""
    if len(past) < params.min_history or not delta:
        return None
    if (params.direction == "increase" and delta < 0) or (params.direction == "decrease" and delta > 0):
        return None
    size = abs(delta)
    if size < params.min_amount or size * 100 < params.min_run_rate_percent * abs(run_rate):
        return None
    center = median(past)
    scale = spread(past, center)
    score: Decimal | None = None
    if scale:
        score = abs(delta - center) / scale
        if score < params.threshold:
            return None
    elif delta == center:
        return None
    largest = max(past, key=abs)
    return Judgement(scope, name, delta, len(past), center, scale, score, largest, run_rate, params.window_days)


def in_window(changes: Iterable[PastChange], *, end: datetime, days: int) -> Iterator[PastChange]:
    """The changes (first runs left out) recorded in (end - days, end]."""
    start = end - timedelta(days=days)
    return (c for c in changes if not c.first and start < c.recorded_at <= end)


def judge_project(
    history: CostHistory, project: str, team: str | None, delta: Decimal, *, params: AnomalyParams, end: datetime
) -> Judgement | None:
    """A project's delta against its own history when that is long enough (the closer
    comparison: a project that routinely makes large changes is judged by its own), else against
    its team's (a new project, or one that rarely changes)."""
    window = list(in_window(history.changes, end=end, days=params.window_days))
    own = [c.delta for c in window if c.project == project]
    if len(own) >= params.min_history or team is None:
        return judge(
            delta,
            own,
            run_rate=history.run_rates.get(project, Decimal(0)),
            params=params,
            scope="project",
            name=project,
        )
    theirs = [c.delta for c in window if c.team == team]
    return judge(delta, theirs, run_rate=history.team_run_rate(team), params=params, scope="team", name=team)


@dataclass(frozen=True, slots=True)
class StepChange:
    """A recorded change that was out of line with the changes before it (`costgate anomalies`)."""

    change: PastChange
    judgement: Judgement


def scan(history: CostHistory, *, params: AnomalyParams, by: ScopeKind = "project") -> list[StepChange]:
    """Every recorded change judged against the changes of its project (or team) in the window
    before it, oldest first: the step changes a pull-request gate would have flagged."""
    out: list[StepChange] = []
    seen: dict[str, list[PastChange]] = {}
    rates: dict[str, Decimal] = {}  # project -> run-rate so far
    team_of: dict[str, str | None] = {}
    for change in history.changes:
        key = change.project if by == "project" else change.team
        if not change.first and key is not None:
            start = change.recorded_at - timedelta(days=params.window_days)
            past = [c.delta for c in seen.get(key, ()) if c.recorded_at > start]
            if by == "project":
                rate = change.run_rate_before
            else:
                rate = sum(
                    (r for p, r in rates.items() if team_of[p] == key and p != change.project), change.run_rate_before
                )
            found = judge(change.delta, past, run_rate=rate, params=params, scope=by, name=key)
            if found is not None:
                out.append(StepChange(change, found))
            seen.setdefault(key, []).append(change)
        rates[change.project] = change.run_rate_after
        team_of[change.project] = change.team
    return out
