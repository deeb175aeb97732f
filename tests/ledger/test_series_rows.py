"""`history` reads month-end rows and changes that the database computes (Ledger.series_rows) instead
of every run: on SQLite and PostgreSQL it must give exactly the series monthly_series builds from
every recorded run, with every filter, and list the most recent changes when asked for fewer."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest

from costgate.ledger.history import monthly_series, series_from_rows
from costgate.ledger.store import Ledger
from tests.ledger.records import make_run

START = datetime(2025, 10, 30, 22, 0, tzinfo=UTC)


@pytest.fixture
def ledger(ledger_url: str) -> Ledger:
    """Four projects over five months: gaps, unchanged runs, drift (a plan whose before is not the
    last run-rate), a project changing team, one without a team, and proposals that never count."""
    opened = Ledger.open(ledger_url)
    rate = {"api": 0, "db": 0, "web": 0, "job": 0}
    for i in range(60):
        project = ("api", "db", "web", "job")[i % 4 if i % 7 else 0]
        team = {"api": "core", "db": "data", "web": None, "job": "core" if i < 30 else "data"}[project]
        step = (i * 37) % 11 - 3 if i % 5 else 0  # some runs move nothing
        before = rate[project] + (2 if i % 13 == 0 else 0)  # now and then the plan's prior state drifted
        rate[project] = before + step
        when = START + timedelta(days=i * 2.5 if i < 40 else 100 + i)  # a gap of months near the end
        opened.record(
            make_run(
                project=project,
                team=team,
                before=str(before),
                after=str(rate[project]),
                pull_request=i,
                head_commit=f"{i:07x}",
                when=when,
                resources=1,
            )
        )
        if i % 9 == 0:
            opened.record(
                make_run(
                    project=project, team=team, before="0", after="9999", source="check", when=when + timedelta(hours=1)
                )
            )
    return opened


@pytest.mark.parametrize("by", ["project", "team"])
@pytest.mark.parametrize(
    "filters",
    [{}, {"project": "job"}, {"team": "core"}, {"since": date(2025, 12, 1)}],
    ids=["all", "project", "team", "since"],
)
def test_the_database_path_gives_the_series_of_every_run(ledger: Ledger, by: str, filters: dict[str, object]) -> None:
    try:
        expected = monthly_series(ledger.history(**filters), by=by)  # type: ignore[arg-type]
        got = series_from_rows(ledger.series_rows(by=by, **filters))  # type: ignore[arg-type]
        limited = series_from_rows(ledger.series_rows(by=by, changes=3, **filters))  # type: ignore[arg-type]
    finally:
        ledger.close()
    assert expected and got == expected
    assert [s.months for s in limited] == [s.months for s in expected]
    for short, full in zip(limited, expected, strict=True):
        assert short.changes == full.changes[-3:]
        assert short.total_changes == (len(full.changes) if len(full.changes) > 3 else None)
        assert replace(short, changes=full.changes, total_changes=None) == full


def test_an_empty_ledger(ledger_url: str) -> None:
    opened = Ledger.open(ledger_url)
    try:
        assert series_from_rows(opened.series_rows()) == []
    finally:
        opened.close()
