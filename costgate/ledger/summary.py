"""History's summary tables, kept equal to the recorded runs: project_months (one row per project,
month, currency and team) and month_changes (each such row's largest moves).

Every `record` run refreshes the rows of its projects' month inside its own transaction, so a
run and its summary are written together or not at all. The refresh recomputes the month from
the project's runs of that month and its run-rate before it (the summary's previous month),
so a run recorded out of order (an earlier timestamp committed later) is placed where it
belongs; the next month holding that project is refreshed too, as its first move depends on
the month before. Writers of the same project queue: SQLite's BEGIN IMMEDIATE serialises every
writer, and on PostgreSQL each project takes a transaction advisory lock (in one order, so two
runs never wait on each other) before its month is read.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Select, and_, delete, func, insert, select, text
from sqlalchemy.engine import Connection

from costgate.ledger.history import CHANGES_KEPT, ChangeRow, MonthRow, Selection, month_of, summarise
from costgate.ledger.record import HistoryEntry
from costgate.ledger.schema import from_micros, month_changes, project_months, run_projects, runs, to_micros

_LOCK_CLASS = 0x6C656467  # "ledg": advisory locks per project share this first key on PostgreSQL


def refresh(conn: Connection, projects: Iterable[str], when: datetime) -> None:
    """Bring the summary of `projects` for the month of `when` (and the month after it that holds
    each project) in line with the recorded runs, inside the caller's transaction."""
    names = sorted(set(projects), key=_lock_id)
    if conn.dialect.name == "postgresql":
        for name in names:
            conn.execute(text("SELECT pg_advisory_xact_lock(:cls, :key)"), {"cls": _LOCK_CLASS, "key": _lock_id(name)})
    month = month_of(when.astimezone(UTC))
    for name in names:
        _refresh_month(conn, name, month)
        following = conn.execute(
            select(func.min(project_months.c.month)).where(
                project_months.c.project == name, project_months.c.month > month
            )
        ).scalar_one()
        if following is not None:
            _refresh_month(conn, name, following)


def _lock_id(project: str) -> int:
    """A stable signed 32-bit key per project (crc32: the same in every process)."""
    value = zlib.crc32(project.encode())
    return value - (1 << 32) if value >= 1 << 31 else value


def _refresh_month(conn: Connection, project: str, month: str) -> None:
    before = conn.execute(
        select(project_months.c.currency, project_months.c.last_after_micros)
        .where(project_months.c.project == project, project_months.c.month < month)
        .order_by(
            project_months.c.month.desc(), project_months.c.last_recorded_at.desc(), project_months.c.last_run_id.desc()
        )
        .limit(1)
    ).first()
    start, end = _bounds(month)
    entries = [
        _entry(r)
        for r in conn.execute(
            entries_query().where(
                run_projects.c.project == project, runs.c.recorded_at >= start, runs.c.recorded_at < end
            )
        )
    ]
    prior = {project: (before[0], from_micros(before[1]))} if before is not None else {}
    rows, changes = summarise(entries, prior=prior, keep=CHANGES_KEPT)
    conn.execute(delete(project_months).where(project_months.c.project == project, project_months.c.month == month))
    conn.execute(delete(month_changes).where(month_changes.c.project == project, month_changes.c.month == month))
    if rows:
        conn.execute(insert(project_months), [_month_values(r) for r in rows])
    if changes:
        conn.execute(insert(month_changes), [_change_values(c) for c in changes])


def entry_columns(sources: tuple[str, ...] = ("record",)) -> Select[Any]:
    """The columns a HistoryEntry is made of, for runs of `sources` (the store reads other sources too)."""
    return (
        select(
            runs.c.id,
            runs.c.recorded_at,
            run_projects.c.project,
            run_projects.c.team,
            runs.c.repository,
            runs.c.pull_request,
            runs.c.head_commit,
            runs.c.branch,
            run_projects.c.before_micros,
            run_projects.c.after_micros,
            run_projects.c.delta_micros,
            runs.c.currency,
        )
        .join(run_projects, run_projects.c.run_id == runs.c.id)
        .where(runs.c.source.in_(sources))
    )


def entries_query() -> Select[Any]:
    """Recorded (`record`) runs as HistoryEntry columns, in the order history reads them."""
    return entry_columns().order_by(runs.c.recorded_at, runs.c.id, run_projects.c.id)


def _entry(r: Sequence[Any]) -> HistoryEntry:
    return HistoryEntry(
        r[0],
        _utc(r[1]),
        r[2],
        r[3],
        r[4],
        r[5],
        r[6],
        r[7],
        from_micros(r[8]),
        from_micros(r[9]),
        from_micros(r[10]),
        r[11],
    )


def _bounds(month: str) -> tuple[datetime, datetime]:
    year, number = int(month[:4]), int(month[5:])
    start = datetime(year, number, 1, tzinfo=UTC)
    end = datetime(year + 1, 1, 1, tzinfo=UTC) if number == 12 else datetime(year, number + 1, 1, tzinfo=UTC)
    return start, end


def _month_values(r: MonthRow) -> dict[str, Any]:
    return {
        "project": r.project,
        "month": r.month,
        "currency": r.currency,
        "team": r.team or "",
        "runs": r.runs,
        "changes": r.changes,
        "moved_micros": to_micros(r.moved),
        "last_recorded_at": r.last_recorded_at,
        "last_run_id": r.last_run_id,
        "last_after_micros": to_micros(r.last_after),
    }


def _change_values(c: ChangeRow) -> dict[str, Any]:
    return {
        "project": c.project,
        "month": c.month,
        "currency": c.currency,
        "team": c.team or "",
        "rank": c.rank,
        "run_id": c.run_id,
        "recorded_at": c.recorded_at,
        "pull_request": c.pull_request,
        "head_commit": c.head_commit,
        "branch": c.branch,
        "moved_micros": to_micros(c.moved),
        "after_micros": to_micros(c.after),
    }


def read(conn: Connection, selection: Selection, *, limit: int) -> tuple[list[MonthRow], list[ChangeRow], str | None]:
    """The summary rows `selection` needs (every row of the projects it concerns, the listed
    changes from its first month, at most `limit` per row) and the ledger's last recorded month."""
    pm, mc = project_months, month_changes
    month_query = select(
        pm.c.project,
        pm.c.month,
        pm.c.currency,
        pm.c.team,
        pm.c.runs,
        pm.c.changes,
        pm.c.moved_micros,
        pm.c.last_recorded_at,
        pm.c.last_run_id,
        pm.c.last_after_micros,
    )
    change_query = select(
        mc.c.project,
        mc.c.month,
        mc.c.currency,
        mc.c.team,
        mc.c.rank,
        mc.c.run_id,
        mc.c.recorded_at,
        mc.c.pull_request,
        mc.c.head_commit,
        mc.c.branch,
        mc.c.moved_micros,
        mc.c.after_micros,
    ).where(mc.c.rank <= limit)
    if selection.project is not None:
        month_query = month_query.where(pm.c.project == selection.project)
        change_query = change_query.where(mc.c.project == selection.project)
    if selection.team is not None:
        members = select(pm.c.project).where(pm.c.team == selection.team).distinct()
        month_query = month_query.where(pm.c.project.in_(members.scalar_subquery()))
        change_query = change_query.where(mc.c.team == selection.team)
    if selection.currency is not None:
        change_query = change_query.where(mc.c.currency == selection.currency)
    if selection.since_month is not None:
        change_query = change_query.where(mc.c.month >= selection.since_month)
    months = [
        MonthRow(r[0], r[1], r[2], r[3] or None, r[4], r[5], from_micros(r[6]), _utc(r[7]), r[8], from_micros(r[9]))
        for r in conn.execute(month_query)
    ]
    changes = (
        [
            ChangeRow(
                r[0],
                r[1],
                r[2],
                r[3] or None,
                r[4],
                r[5],
                _utc(r[6]),
                r[7],
                r[8],
                r[9],
                from_micros(r[10]),
                from_micros(r[11]),
            )
            for r in conn.execute(change_query)
        ]
        if limit > 0 and months
        else []
    )
    last = conn.execute(select(func.max(pm.c.month))).scalar_one()
    return months, changes, last


def latest_runs(conn: Connection, *, before: datetime | None = None) -> list[tuple[str, int]]:
    """Each project's latest recorded run (project, run id), before `before` when given: the row
    of its latest month in the summary, and for the month holding `before` the runs of that
    month before it (one indexed range of runs, not every run)."""
    pm = project_months
    newest = select(pm.c.project, func.max(pm.c.month).label("month")).group_by(pm.c.project)
    start = None
    if before is not None:
        start, _ = _bounds(month_of(before.astimezone(UTC)))
        newest = newest.where(pm.c.month < month_of(before.astimezone(UTC)))
    latest = newest.subquery("newest")
    rows: list[Any] = list(
        conn.execute(
            select(pm.c.project, pm.c.last_recorded_at, pm.c.last_run_id).join(
                latest, and_(latest.c.project == pm.c.project, latest.c.month == pm.c.month)
            )
        )
    )
    if before is not None and start is not None:
        rows += conn.execute(
            select(run_projects.c.project, runs.c.recorded_at, runs.c.id)
            .join(run_projects, run_projects.c.run_id == runs.c.id)
            .where(runs.c.source == "record", runs.c.recorded_at >= start, runs.c.recorded_at < before)
        ).all()
    best: dict[str, tuple[datetime, int]] = {}
    for project, when, run_id in rows:
        mark = (_utc(when), int(run_id))
        if project not in best or best[project] < mark:
            best[project] = mark
    return sorted((project, run_id) for project, (_, run_id) in best.items())


def entries_of(conn: Connection, wanted: Sequence[tuple[str, int]]) -> list[HistoryEntry]:
    """The HistoryEntry of each (project, run id), sorted by project."""
    pairs = set(wanted)
    ids = sorted({run_id for _, run_id in pairs})
    found: list[HistoryEntry] = []
    for lo in range(0, len(ids), 500):
        found += [
            e
            for e in (_entry(r) for r in conn.execute(entries_query().where(runs.c.id.in_(ids[lo : lo + 500]))))
            if (e.project, e.run_id) in pairs
        ]
    return sorted(found, key=lambda e: e.project)


def _utc(value: datetime) -> datetime:
    """SQLite returns naive datetimes; the ledger writes only UTC."""
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
