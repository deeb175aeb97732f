"""Monthly run-rate over time, from the ledger's recorded runs: for each project (or team) and
currency, the monthly cost at the end of every month, carried forward through months nobody
recorded, and the changes (pull request, commit, delta) that moved it.

Two steps, two ways in. `summarise` turns recorded runs into one MonthRow per project, month,
currency and team (runs, moves, the run-rate at its latest run) and the ChangeRows (each run
that moved a run-rate); `build_series` turns those rows into series. The ledger keeps the rows
of `summarise` up to date when it records a run (tables project_months and month_changes,
ledger/summary.py), so `history` reads a few thousand rows instead of every run;
`monthly_series` computes the same series from every run (the reference a test holds the
summary to, and the path for `--changes all`).

Money is never added across currencies: a series is one key in one currency, and a project's
run-rate counts in the currency of its latest run (a project recorded first in USD and then in
EUR leaves the USD series and starts a EUR one, as a project that changes team changes series).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Literal

from costgate.ledger.record import HistoryEntry

GroupBy = Literal["project", "team"]
UNOWNED = "unowned"
CHANGES_KEPT = 5
"""The largest changes the ledger keeps per project, month, currency and team (month_changes):
what `history` lists by default in json and csv; `--changes all` (or more) reads every run."""


@dataclass(frozen=True)
class MonthRow:
    """A project's recorded runs of one month, team and currency: how many, how many moved its
    run-rate and by how much in all, and its run-rate after the latest of them."""

    project: str
    month: str
    currency: str
    team: str | None
    runs: int
    changes: int
    moved: Decimal
    last_recorded_at: datetime
    last_run_id: int
    last_after: Decimal


@dataclass(frozen=True)
class ChangeRow:
    """One recorded run that moved a project's run-rate, ranked among the moves of its MonthRow
    (1 = the largest; the most recent first on a tie)."""

    project: str
    month: str
    currency: str
    team: str | None
    rank: int
    run_id: int
    recorded_at: datetime
    pull_request: int | None
    head_commit: str | None
    branch: str | None
    moved: Decimal
    after: Decimal


@dataclass(frozen=True)
class MonthPoint:
    """The run-rate at the end of one month (YYYY-MM), how much it moved in that month, and how
    many recorded runs moved it."""

    month: str
    run_rate: Decimal
    change: Decimal
    change_count: int = 0


@dataclass(frozen=True)
class Change:
    """One recorded run that moved a project's run-rate."""

    month: str
    recorded_at: str
    project: str
    team: str | None
    pull_request: int | None
    head_commit: str | None
    branch: str | None
    delta: Decimal
    run_rate: Decimal


@dataclass(frozen=True)
class Series:
    """One project's (or team's) months and listed changes, in one currency. `changes` holds, for
    each month shown, its largest changes (as many as asked); `total_changes` counts them all."""

    key: str
    currency: str
    months: tuple[MonthPoint, ...]
    changes: tuple[Change, ...]
    total_changes: int


def month_of(when: datetime) -> str:
    """YYYY-MM of a UTC moment."""
    return f"{when.year:04d}-{when.month:02d}"


def _months_between(first: str, last: str) -> list[str]:
    year, month = int(first[:4]), int(first[5:])
    out = []
    while f"{year:04d}-{month:02d}" <= last:
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def _rank_key(c: ChangeRow) -> tuple[Decimal, datetime, int]:
    return (abs(c.moved), c.recorded_at, c.run_id)


def summarise(
    entries: Iterable[HistoryEntry],
    *,
    prior: Mapping[str, tuple[str, Decimal]] | None = None,
    keep: int | None = CHANGES_KEPT,
) -> tuple[list[MonthRow], list[ChangeRow]]:
    """The MonthRows and ChangeRows (the `keep` largest per MonthRow, all when None) of `entries`.

    A run moves its project's run-rate by `after` minus the project's previous run-rate (so drift,
    a plan whose prior state is not the last recorded run-rate, shows as the real movement);
    a project's first run, or its first run in another currency than the run before it, moves
    it by its own delta. `prior` gives each project's (currency, run-rate) before `entries`.
    """
    state: dict[str, tuple[str, Decimal]] = dict(prior or {})
    groups: dict[tuple[str, str, str, str | None], list[HistoryEntry]] = {}
    moves: dict[tuple[str, str, str, str | None], list[ChangeRow]] = {}
    for e in sorted(entries, key=lambda e: (e.recorded_at, e.run_id, e.project)):
        previous = state.get(e.project)
        moved = e.after - previous[1] if previous is not None and previous[0] == e.currency else e.delta
        state[e.project] = (e.currency, e.after)
        group = (e.project, month_of(e.recorded_at), e.currency, e.team)
        groups.setdefault(group, []).append(e)
        if moved:
            moves.setdefault(group, []).append(
                ChangeRow(
                    e.project,
                    group[1],
                    e.currency,
                    e.team,
                    0,
                    e.run_id,
                    e.recorded_at,
                    e.pull_request,
                    e.head_commit,
                    e.branch,
                    moved,
                    e.after,
                )
            )
    rows: list[MonthRow] = []
    changes: list[ChangeRow] = []
    for (project, month, currency, team), runs in groups.items():
        moved_here = moves.get((project, month, currency, team), [])
        last = runs[-1]
        rows.append(
            MonthRow(
                project,
                month,
                currency,
                team,
                len(runs),
                len(moved_here),
                sum((c.moved for c in moved_here), Decimal(0)),
                last.recorded_at,
                last.run_id,
                last.after,
            )
        )
        ranked = sorted(moved_here, key=_rank_key, reverse=True)
        for rank, c in enumerate(ranked[:keep] if keep is not None else ranked, start=1):
            changes.append(
                ChangeRow(
                    c.project,
                    c.month,
                    c.currency,
                    c.team,
                    rank,
                    c.run_id,
                    c.recorded_at,
                    c.pull_request,
                    c.head_commit,
                    c.branch,
                    c.moved,
                    c.after,
                )
            )
    return rows, changes


@dataclass(frozen=True)
class Selection:
    """What `history` was asked for: one project, one team's projects, from a month, one currency."""

    by: GroupBy = "project"
    project: str | None = None
    team: str | None = None
    since: date | None = None
    currency: str | None = None

    @property
    def since_month(self) -> str | None:
        """The first month shown: history works in whole months."""
        return None if self.since is None else f"{self.since.year:04d}-{self.since.month:02d}"


def _key(project: str, team: str | None, by: GroupBy) -> str:
    return project if by == "project" else (team or UNOWNED)


def build_series(
    months: Sequence[MonthRow],
    changes: Sequence[ChangeRow],
    selection: Selection,
    *,
    limit: int | None,
    last_month: str | None = None,
) -> list[Series]:
    """The series of `selection` from the MonthRows of the projects it concerns (for a team:
    every project that was ever that team's) and their ChangeRows, sorted by key and currency.

    A project's run-rate at the end of a month is the `after` of its latest run so far; it
    counts in the series of that run's team (or project) and currency. Months run from the first
    row to `last_month` (the ledger's last recorded month; default the rows' last), carrying
    run-rates forward. A month's change is the run-rate minus the series' previous point; at
    its first point, the sum of the moves recorded that month. `limit` changes are listed per
    series and month, the largest first (all when None).
    """
    if not months:
        return []
    by = selection.by
    last = max(last_month or "", max(r.month for r in months))
    per_month: dict[str, list[MonthRow]] = {}
    for r in months:
        per_month.setdefault(r.month, []).append(r)
    state: dict[str, MonthRow] = {}
    rate_at: dict[tuple[str, str], dict[str, Decimal]] = {}
    for month in _months_between(min(per_month), last):
        for r in per_month.get(month, ()):
            held = state.get(r.project)
            if held is None or (held.month, held.last_recorded_at, held.last_run_id) < (
                r.month,
                r.last_recorded_at,
                r.last_run_id,
            ):
                state[r.project] = r
        for r in state.values():
            if selection.team is not None and r.team != selection.team:
                continue
            series = rate_at.setdefault((_key(r.project, r.team, by), r.currency), {})
            series[month] = series.get(month, Decimal(0)) + r.last_after
    counted: dict[tuple[str, str, str], tuple[int, Decimal]] = {}
    for r in months:
        if selection.team is not None and r.team != selection.team:
            continue  # a team's view counts the changes recorded with that team
        slot = (_key(r.project, r.team, by), r.currency, r.month)
        count, moved = counted.get(slot, (0, Decimal(0)))
        counted[slot] = (count + r.changes, moved + r.moved)
    months_of: dict[tuple[str, str], list[str]] = {}
    for key, currency, month in counted:
        months_of.setdefault((key, currency), []).append(month)
    listed: dict[tuple[str, str, str], list[ChangeRow]] = {}
    for c in changes:
        if selection.team is not None and c.team != selection.team:
            continue
        listed.setdefault((_key(c.project, c.team, by), c.currency, c.month), []).append(c)
    since = selection.since_month or ""
    out = []
    for key, currency in sorted(rate_at):
        if selection.currency is not None and currency != selection.currency:
            continue
        if by == "team" and selection.team is not None and key != selection.team:
            continue
        points, previous = [], None
        for month, rate in sorted(rate_at[(key, currency)].items()):
            count, moved = counted.get((key, currency, month), (0, Decimal(0)))
            if month >= since:
                points.append(MonthPoint(month, rate, rate - previous if previous is not None else moved, count))
            previous = rate
        if not points:
            continue
        shown = []
        total = 0
        for month in sorted(m for m in months_of.get((key, currency), ()) if m >= since):
            total += counted[(key, currency, month)][0]
            ranked = sorted(listed.get((key, currency, month), []), key=_rank_key, reverse=True)
            for c in ranked[:limit] if limit is not None else ranked:
                shown.append(
                    Change(
                        month,
                        c.recorded_at.isoformat(timespec="seconds"),
                        c.project,
                        c.team,
                        c.pull_request,
                        c.head_commit,
                        c.branch,
                        c.moved,
                        c.after,
                    )
                )
        out.append(Series(key, currency, tuple(points), tuple(shown), total))
    return out


def projects_of(months: Sequence[MonthRow], selection: Selection) -> set[str]:
    """The projects a selection reads: the one asked for, or every project that was ever the
    team's (a project that left it still tells when it left)."""
    if selection.project is not None:
        return {selection.project}
    if selection.team is not None:
        return {r.project for r in months if r.team == selection.team}
    return {r.project for r in months}


def monthly_series(
    entries: Sequence[HistoryEntry], selection: Selection | None = None, *, limit: int | None = None
) -> list[Series]:
    """The series from every recorded run (`entries`, all of them: a run-rate before `since` or of
    another team still counts), listing `limit` changes per series and month (all when None)."""
    chosen = selection or Selection()
    rows, changes = summarise(entries, keep=None)
    wanted = projects_of(rows, chosen)
    last = max((r.month for r in rows), default=None)
    return build_series(
        [r for r in rows if r.project in wanted],
        [c for c in changes if c.project in wanted],
        chosen,
        limit=limit,
        last_month=last,
    )
