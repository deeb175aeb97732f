"""History's summary (project_months, month_changes) against the runs it summarises, on SQLite and
PostgreSQL: the series `history` builds from it equal the series computed from every run, for
every filter; the tables equal a recomputation from the runs after writers in parallel (some
out of order), after a backfill by the migration, and after a run that failed."""

from __future__ import annotations

import multiprocessing
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest
from alembic import command
from sqlalchemy import create_engine, select

from costgate.errors import LedgerError
from costgate.ledger import migrations
from costgate.ledger.history import Selection, build_series, monthly_series
from costgate.ledger.schema import from_micros, month_changes, project_months
from costgate.ledger.store import Ledger
from costgate.ledger.store import ledger_url as parse_url
from tests.ledger.records import make_run, write_shared_runs

START = datetime(2025, 10, 30, 22, 0, tzinfo=UTC)


def _record_history(ledger: Ledger) -> None:
    """Four projects over five months: gaps, unchanged runs, drift (a plan whose before is not the
    last run-rate), a project changing team, one without a team, one priced in EUR for a while,
    runs recorded out of order, and proposals that never count."""
    rate = {"api": 0, "db": 0, "web": 0, "job": 0}
    for i in range(60):
        project = ("api", "db", "web", "job")[i % 4 if i % 7 else 0]
        team = {"api": "core", "db": "data", "web": None, "job": "core" if i < 30 else "data"}[project]
        step = (i * 37) % 11 - 3 if i % 5 else 0  # some runs move nothing
        before = rate[project] + (2 if i % 13 == 0 else 0)  # now and then the plan's prior state drifted
        rate[project] = before + step
        when = START + timedelta(days=i * 2.5 if i < 40 else 100 + i)  # a gap of months near the end
        if i % 17 == 16:
            when -= timedelta(days=20)  # recorded after runs that came later
        ledger.record(
            make_run(
                project=project,
                team=team,
                before=str(before),
                after=str(rate[project]),
                pull_request=i,
                head_commit=f"{i:07x}",
                when=when,
                resources=1,
                currency="EUR" if project == "db" and 20 <= i < 45 else "USD",
            )
        )
        if i % 9 == 0:
            ledger.record(
                make_run(
                    project=project, team=team, before="0", after="9999", source="check", when=when + timedelta(hours=1)
                )
            )


@pytest.fixture
def ledger(ledger_url: str) -> Any:
    opened = Ledger.open(ledger_url)
    _record_history(opened)
    yield opened
    opened.close()


def _recompute(ledger: Ledger) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    """project_months and month_changes as they must be, recomputed here from every recorded run
    (a project's run-rate moves by after minus its previous run's after in the same currency,
    else by the run's own delta), rows sorted for comparison."""
    groups: dict[tuple[str, str, str, str], dict[str, Any]] = {}
    last: dict[str, tuple[str, Decimal]] = {}
    for e in sorted(ledger.history(), key=lambda e: (e.recorded_at, e.run_id)):
        held = last.get(e.project)
        moved = e.after - held[1] if held and held[0] == e.currency else e.delta
        last[e.project] = (e.currency, e.after)
        g = groups.setdefault(
            (e.project, e.recorded_at.strftime("%Y-%m"), e.currency, e.team or ""), {"runs": 0, "moves": []}
        )
        g["runs"] += 1
        g["last"] = (e.run_id, e.after)
        if moved:
            g["moves"].append((abs(moved), e.recorded_at, e.run_id, moved))
    months, changes = [], []
    for key, g in groups.items():
        moves = g["moves"]
        months.append((*key, g["runs"], len(moves), sum((m[3] for m in moves), Decimal(0)), *g["last"]))
        for rank, m in enumerate(sorted(moves, reverse=True)[:5], start=1):
            changes.append((*key, rank, m[2], m[3]))
    return sorted(months), sorted(changes)


def _stored(ledger: Ledger) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    pm, mc = project_months.c, month_changes.c
    with ledger.engine.connect() as conn:
        months = [
            (r[0], r[1], r[2], r[3], r[4], r[5], from_micros(r[6]), r[7], from_micros(r[8]))
            for r in conn.execute(
                select(
                    pm.project,
                    pm.month,
                    pm.currency,
                    pm.team,
                    pm.runs,
                    pm.changes,
                    pm.moved_micros,
                    pm.last_run_id,
                    pm.last_after_micros,
                )
            )
        ]
        changes = [
            (*r[:6], from_micros(r[6]))
            for r in conn.execute(
                select(mc.project, mc.month, mc.currency, mc.team, mc.rank, mc.run_id, mc.moved_micros)
            )
        ]
    return sorted(months), sorted(changes)


def test_the_summary_equals_a_recomputation_from_the_runs(ledger: Ledger) -> None:
    expected = _recompute(ledger)
    assert expected[0] and expected[1]
    assert _stored(ledger) == expected
    assert ledger.count("project_months") == len(expected[0])


@pytest.mark.parametrize("by", ["project", "team"])
@pytest.mark.parametrize(
    "filters",
    [{}, {"project": "job"}, {"team": "core"}, {"team": "data"}, {"since": date(2025, 12, 10)}, {"currency": "EUR"}],
    ids=["all", "project", "team-core", "team-data", "since", "currency"],
)
def test_history_from_the_summary_equals_history_from_every_run(
    ledger: Ledger, by: str, filters: dict[str, Any]
) -> None:
    selection = Selection(by=by, **filters)  # type: ignore[arg-type]
    entries = ledger.history()
    for limit in (0, 1, 3, 5):
        months, changes, last = ledger.summary_rows(selection, limit=limit)
        got = build_series(months, changes, selection, limit=limit, last_month=last)
        expected = monthly_series(entries, selection, limit=limit)
        assert expected and got == expected, limit
    full = monthly_series(entries, selection)  # every change: the months are the same, only listing differs
    assert [replace(s, changes=()) for s in full] == [replace(s, changes=()) for s in got]


def test_eight_processes_writing_the_same_projects_keep_the_summary_exact(ledger_url: str) -> None:
    Ledger.open(ledger_url).close()  # migrated once, so the writers race on records, not on the schema
    ctx = multiprocessing.get_context("spawn")
    barrier = ctx.Barrier(8)
    workers = [ctx.Process(target=write_shared_runs, args=(ledger_url, w, 9, barrier)) for w in range(8)]
    for p in workers:
        p.start()
    for p in workers:
        p.join(180)
    assert [p.exitcode for p in workers] == [0] * 8
    ledger = Ledger.open(ledger_url)
    try:
        assert ledger.count("runs") == 72
        assert _stored(ledger) == _recompute(ledger)
        months = sum(r[4] for r in _stored(ledger)[0])
        assert months == 72  # every run is in exactly one summary row
    finally:
        ledger.close()


def test_the_migration_backfills_the_summary_of_runs_recorded_before_it(ledger_url: str) -> None:
    ledger = Ledger.open(ledger_url)
    _record_history(ledger)
    before = _stored(ledger)
    ledger.close()
    engine = create_engine(parse_url(ledger_url))
    with engine.begin() as conn:
        command.downgrade(migrations._config(conn), "0003")  # a ledger as costgate 0003 left it
    engine.dispose()
    ledger = Ledger.open(ledger_url)
    try:
        assert ledger.schema_version() == "0004"
        assert _stored(ledger) == before == _recompute(ledger)
    finally:
        ledger.close()


def test_a_failed_run_leaves_the_summary_as_it_was(ledger_url: str) -> None:
    ledger = Ledger.open(ledger_url)
    try:
        ledger.record(make_run(before="0", after="10"))
        before = _stored(ledger)
        with pytest.raises(LedgerError):
            ledger.record(make_run(before="10", after="99", resources=3, bad_address_at=2))
        assert _stored(ledger) == before
        ledger.record(make_run(before="0", after="1", source="check"))  # a proposal: not history
        assert _stored(ledger) == before
    finally:
        ledger.close()


def test_each_projects_run_before_a_moment_comes_from_the_summary(ledger: Ledger) -> None:
    entries = ledger.history()
    for moment in (START, START + timedelta(days=17, hours=5), START + timedelta(days=61), START + timedelta(days=400)):
        expected: dict[str, Any] = {}
        for e in sorted(entries, key=lambda e: (e.recorded_at, e.run_id)):
            if e.recorded_at < moment:
                expected[e.project] = e
        assert ledger.latest_before(moment) == [expected[p] for p in sorted(expected)], moment
