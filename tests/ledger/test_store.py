"""The ledger store on SQLite and on a real PostgreSQL server: the same tests on both."""

from __future__ import annotations

import multiprocessing
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from sqlalchemy import create_engine, text

from costgate.errors import LedgerError
from costgate.ledger.migrations import known_head
from costgate.ledger.store import Ledger
from costgate.ledger.store import ledger_url as parse_url
from tests.ledger.records import make_run, write_runs


def test_a_run_is_recorded_whole_and_read_back_exactly(ledger_url: str) -> None:
    ledger = Ledger.open(ledger_url)
    run_id = ledger.record(make_run(before="100.00", after="150.25", resources=3))
    assert ledger.count("runs") == 1
    assert ledger.count("run_projects") == 1
    assert ledger.count("resource_costs") == 3
    [entry] = ledger.history()
    assert entry.run_id == run_id
    assert (entry.project, entry.team, entry.pull_request, entry.head_commit, entry.branch) == (
        "payments",
        "payments-team",
        42,
        "c0ffee",
        "main",
    )
    assert (entry.before, entry.after, entry.delta) == (Decimal("100.00"), Decimal("150.25"), Decimal("50.25"))
    assert entry.recorded_at == datetime(2026, 1, 15, 12, 0, tzinfo=UTC)
    ledger.close()


def test_resource_costs_keep_sub_cent_amounts(ledger_url: str) -> None:
    ledger = Ledger.open(ledger_url)
    ledger.record(make_run(before="0", after="0.000123", resources=1))
    [entry] = ledger.history()
    assert entry.after == Decimal("0.000123")
    ledger.close()


def test_history_filters_by_project_team_since_and_source(ledger_url: str) -> None:
    ledger = Ledger.open(ledger_url)
    ledger.record(make_run(project="a", team="t1", when=datetime(2026, 1, 5, tzinfo=UTC)))
    ledger.record(make_run(project="b", team="t2", when=datetime(2026, 2, 5, tzinfo=UTC)))
    ledger.record(make_run(project="a", team="t1", when=datetime(2026, 3, 5, tzinfo=UTC)))
    ledger.record(make_run(project="a", team="t1", when=datetime(2026, 3, 6, tzinfo=UTC), source="check"))
    assert [e.project for e in ledger.history()] == ["a", "b", "a"]
    assert len(ledger.history(project="a")) == 2
    assert [e.project for e in ledger.history(team="t2")] == ["b"]
    assert [e.recorded_at.month for e in ledger.history(since=date(2026, 2, 1))] == [2, 3]
    assert len(ledger.history(sources=("record", "check"))) == 4
    ledger.close()


def test_a_failing_run_leaves_nothing_behind(ledger_url: str) -> None:
    ledger = Ledger.open(ledger_url)
    ledger.record(make_run())
    with pytest.raises(LedgerError):  # the third resource breaks a NOT NULL column after two were inserted
        ledger.record(make_run(project="broken", resources=3, bad_address_at=2))
    assert (ledger.count("runs"), ledger.count("run_projects"), ledger.count("resource_costs")) == (1, 1, 3)
    assert [e.project for e in ledger.history()] == ["payments"]
    ledger.close()


def test_eight_processes_writing_at_once_lose_nothing(ledger_url: str) -> None:
    ctx = multiprocessing.get_context("spawn")
    barrier = ctx.Barrier(8)
    workers = [ctx.Process(target=write_runs, args=(ledger_url, w, 6, 25, barrier)) for w in range(8)]
    for p in workers:
        p.start()
    for p in workers:
        p.join(180)
    assert [p.exitcode for p in workers] == [0] * 8
    ledger = Ledger.open(ledger_url)
    assert ledger.count("runs") == 48
    assert ledger.count("run_projects") == 48
    assert ledger.count("resource_costs") == 48 * 25
    assert sorted({e.pull_request for e in ledger.history()}) == sorted(w * 100 + i for w in range(8) for i in range(6))
    ledger.close()


def test_reopening_keeps_the_schema_and_the_rows(ledger_url: str) -> None:
    first = Ledger.open(ledger_url)
    first.record(make_run())
    first.close()
    again = Ledger.open(ledger_url)
    assert again.schema_version() == known_head() == "0004"
    assert again.count("runs") == 1
    again.close()


def test_a_newer_schema_is_refused_with_both_versions(ledger_url: str) -> None:
    Ledger.open(ledger_url).close()
    engine = create_engine(parse_url(ledger_url))
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '0042'"))
    engine.dispose()
    with pytest.raises(
        LedgerError, match=r"ledger schema version 0042 is newer than this costgate knows \(up to 0004\)"
    ):
        Ledger.open(ledger_url)


def test_the_migrations_build_exactly_the_tables_the_code_declares(ledger_url: str) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from costgate.ledger.schema import metadata

    Ledger.open(ledger_url).close()
    engine = create_engine(parse_url(ledger_url))
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), metadata)
    engine.dispose()
    assert diff == []
