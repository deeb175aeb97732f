"""Monthly run-rate over time, from the ledger's recorded runs: for each project (or team), the
monthly cost at the end of every month, carried forward through months nobody recorded, and the
changes (pull request, commit, delta) that moved it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from costgate.ledger.store import HistoryEntry, SeriesRow

GroupBy = Literal["project", "team"]
UNOWNED = "unowned"


@dataclass(frozen=True)
class MonthPoint:
    """The run-rate at the end of one month (YYYY-MM) and how much it moved in that month."""

    month: str
    run_rate: Decimal
    change: Decimal


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
    """One project's (or team's) months and changes."""

    key: str
    months: tuple[MonthPoint, ...]
    changes: tuple[Change, ...]
    total_changes: int | None = None  # when `changes` holds only the most recent ones: how many there are


def _month(entry: HistoryEntry) -> str:
    return entry.recorded_at.strftime("%Y-%m")


def _months_between(first: str, last: str) -> list[str]:
    year, month = int(first[:4]), int(first[5:])
    out = []
    while f"{year:04d}-{month:02d}" <= last:
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def monthly_series(entries: Sequence[HistoryEntry], *, by: GroupBy = "project") -> list[Series]:
    """The run-rate series, one per project or team, sorted by key.

    A project's run-rate is its `after` total in its latest recorded run; a team's is the sum of
    its projects' run-rates (a project counts for the team of its latest run). Each run whose
    total differs from the previous run-rate of that project is a change; a project's first run
    counts its full `delta` (what that run added to what was there before).
    """
    if not entries:
        return []
    all_months = _months_between(min(_month(e) for e in entries), max(_month(e) for e in entries))
    current: dict[str, tuple[str, Decimal]] = {}  # project -> (group key, run-rate)
    rate_at: dict[str, dict[str, Decimal]] = {}  # group key -> month -> run-rate at month end
    changes: dict[str, list[Change]] = {}
    ordered = sorted(entries, key=lambda e: (e.recorded_at, e.run_id, e.project))
    i = 0
    for month in all_months:
        while i < len(ordered) and _month(ordered[i]) == month:
            e = ordered[i]
            i += 1
            key = e.project if by == "project" else (e.team or UNOWNED)
            previous = current.get(e.project)
            moved = e.after - previous[1] if previous is not None else e.delta
            current[e.project] = (key, e.after)
            if moved:
                changes.setdefault(key, []).append(
                    Change(
                        month,
                        e.recorded_at.isoformat(timespec="seconds"),
                        e.project,
                        e.team,
                        e.pull_request,
                        e.head_commit,
                        e.branch,
                        moved,
                        e.after,
                    )
                )
        for key in {k for k, _ in current.values()}:
            rate_at.setdefault(key, {})[month] = sum((r for k, r in current.values() if k == key), Decimal(0))
    series = []
    for key in sorted(rate_at):
        points, last = [], None
        for month in all_months:
            if month not in rate_at[key]:
                continue
            rate = rate_at[key][month]
            points.append(
                MonthPoint(
                    month,
                    rate,
                    rate - last
                    if last is not None
                    else sum((c.delta for c in changes.get(key, []) if c.month == month), Decimal(0)),
                )
            )
            last = rate
        series.append(Series(key, tuple(points), tuple(changes.get(key, []))))
    return series


def series_from_rows(rows: Sequence[SeriesRow]) -> list[Series]:
    """The same series as monthly_series, from what Ledger.series_rows computed in the database
    (each project's month-end entries and the changes) rather than from every recorded run: a
    ledger of 100,000 runs hands over a few thousand rows. A test holds the two equal."""
    if not rows:
        return []
    all_months = _months_between(min(r.month for r in rows), max(r.month for r in rows))
    month_ends: dict[str, list[SeriesRow]] = {}
    changes: dict[str, list[Change]] = {}
    first_move: dict[tuple[str, str], Decimal] = {}
    totals_of: dict[str, int] = {}
    for r in rows:
        first_move.setdefault((r.key, r.month), r.month_moved)
        if r.change and r.changes_in_series:
            totals_of[r.key] = r.changes_in_series
        if r.month_end:
            month_ends.setdefault(r.month, []).append(r)
        if r.change:
            changes.setdefault(r.key, []).append(
                Change(
                    r.month,
                    r.recorded_at.isoformat(timespec="seconds"),
                    r.project,
                    r.team,
                    r.pull_request,
                    r.head_commit,
                    r.branch,
                    r.moved,
                    r.after,
                )
            )
    current: dict[str, tuple[str, Decimal]] = {}
    rate_at: dict[str, dict[str, Decimal]] = {}
    for month in all_months:
        for r in month_ends.get(month, ()):
            current[r.project] = (r.key, r.after)
        totals: dict[str, Decimal] = {}
        for k, rate in current.values():
            totals[k] = totals.get(k, Decimal(0)) + rate
        for k, total in totals.items():
            rate_at.setdefault(k, {})[month] = total
    series = []
    for key in sorted(rate_at):
        points, last = [], None
        for month in all_months:
            if month not in rate_at[key]:
                continue
            rate = rate_at[key][month]
            points.append(
                MonthPoint(month, rate, rate - last if last is not None else first_move.get((key, month), Decimal(0)))
            )
            last = rate
        shown = tuple(changes.get(key, []))
        count = totals_of.get(key, 0)
        series.append(Series(key, tuple(points), shown, count if count > len(shown) else None))
    return series
