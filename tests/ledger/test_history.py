"""The monthly run-rate series, from hand-made entries (no database: the store and summary tests
cover reading): carried-forward months, moves, teams, currencies, `--since` months and the
largest changes listed per month."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

from costgate.ledger.history import Selection, monthly_series, summarise
from costgate.ledger.record import HistoryEntry


def _entry(
    run_id: int,
    when: tuple[int, int, int],
    project: str,
    team: str | None,
    before: str,
    after: str,
    pr: int | None = None,
    currency: str = "USD",
) -> HistoryEntry:
    b, a = Decimal(before), Decimal(after)
    return HistoryEntry(
        run_id,
        datetime(*when, tzinfo=UTC),
        project,
        team,
        "acme/infra",
        pr,
        f"sha{run_id}",
        "main",
        b,
        a,
        a - b,
        currency,
    )


def test_months_without_runs_carry_the_run_rate_forward() -> None:
    [s] = monthly_series(
        [
            _entry(1, (2025, 11, 3), "api", "core", "0", "40", pr=1),
            _entry(2, (2026, 2, 9), "api", "core", "40", "25.5", pr=2),
        ]
    )
    assert (s.key, s.currency) == ("api", "USD")
    assert [(p.month, p.run_rate, p.change, p.change_count) for p in s.months] == [
        ("2025-11", Decimal(40), Decimal(40), 1),
        ("2025-12", Decimal(40), Decimal(0), 0),
        ("2026-01", Decimal(40), Decimal(0), 0),
        ("2026-02", Decimal("25.5"), Decimal("-14.5"), 1),
    ]
    assert [(c.pull_request, c.head_commit, c.delta) for c in s.changes] == [
        (1, "sha1", Decimal(40)),
        (2, "sha2", Decimal("-14.5")),
    ]


def test_a_run_that_changes_nothing_is_not_a_change_but_drift_between_runs_is() -> None:
    [s] = monthly_series(
        [
            _entry(1, (2026, 1, 1), "api", "core", "0", "10"),
            _entry(2, (2026, 1, 2), "api", "core", "10", "10"),
            # recorded from a plan whose prior state already held 12: the run-rate moved by 3
            _entry(3, (2026, 1, 3), "api", "core", "12", "13"),
        ]
    )
    assert [c.delta for c in s.changes] == [Decimal(10), Decimal(3)]  # the month's changes, largest first
    assert s.months[-1].run_rate == Decimal(13) and s.months[-1].change_count == 2 and s.total_changes == 2


def test_a_team_series_sums_the_latest_run_rate_of_each_of_its_projects() -> None:
    series = monthly_series(
        [
            _entry(1, (2026, 1, 1), "api", "core", "0", "10"),
            _entry(2, (2026, 1, 5), "db", "core", "0", "7"),
            _entry(3, (2026, 2, 1), "api", "core", "10", "4"),
            _entry(4, (2026, 2, 2), "web", None, "0", "1"),
        ],
        Selection(by="team"),
    )
    by_key = {s.key: [(p.month, p.run_rate) for p in s.months] for s in series}
    assert by_key == {
        "core": [("2026-01", Decimal(17)), ("2026-02", Decimal(11))],
        "unowned": [("2026-02", Decimal(1))],
    }


def test_a_project_that_changes_team_leaves_the_old_teams_series() -> None:
    entries = [
        _entry(1, (2026, 1, 1), "api", "core", "0", "10"),
        _entry(2, (2026, 1, 9), "db", "core", "0", "5"),
        _entry(3, (2026, 3, 1), "api", "data", "10", "12"),
    ]
    [core] = monthly_series(entries, Selection(by="team", team="core"))
    assert [(p.month, p.run_rate, p.change) for p in core.months] == [
        ("2026-01", Decimal(15), Decimal(15)),
        ("2026-02", Decimal(15), Decimal(0)),
        ("2026-03", Decimal(5), Decimal(-10)),  # api went to data in March
    ]
    [data] = monthly_series(entries, Selection(by="team", team="data"))
    assert [(p.month, p.run_rate, p.change_count) for p in data.months] == [("2026-03", Decimal(12), 1)]
    assert [c.delta for c in data.changes] == [Decimal(2)]


def test_amounts_in_two_currencies_are_never_added() -> None:
    entries = [
        _entry(1, (2026, 1, 1), "api", "core", "0", "100"),
        _entry(2, (2026, 1, 2), "db", "core", "0", "50", currency="EUR"),
        _entry(3, (2026, 2, 1), "api", "core", "100", "120"),
        # api is priced in EUR from March: it leaves the USD series, and its first EUR run moves
        # the EUR run-rate by its own delta (a change of currency is not a change of cost)
        _entry(4, (2026, 3, 1), "api", "core", "90", "95", currency="EUR"),
    ]
    series = monthly_series(entries, Selection(by="team"))
    assert [(s.key, s.currency, [(p.month, p.run_rate) for p in s.months]) for s in series] == [
        ("core", "EUR", [("2026-01", Decimal(50)), ("2026-02", Decimal(50)), ("2026-03", Decimal(145))]),
        ("core", "USD", [("2026-01", Decimal(100)), ("2026-02", Decimal(120))]),
    ]
    eur = series[0]
    assert [(c.project, c.delta) for c in eur.changes] == [("db", Decimal(50)), ("api", Decimal(5))]
    [only] = monthly_series(entries, Selection(by="project", project="api", currency="EUR"))
    assert [(p.month, p.run_rate, p.change) for p in only.months] == [("2026-03", Decimal(95), Decimal(5))]


def test_since_shows_whole_months_from_its_month_with_the_run_rate_before_it() -> None:
    entries = [
        _entry(1, (2026, 1, 3), "api", "core", "0", "40"),
        _entry(2, (2026, 3, 2), "api", "core", "40", "44"),
        _entry(3, (2026, 3, 20), "api", "core", "44", "50"),
    ]
    [s] = monthly_series(entries, Selection(since=date(2026, 3, 15)))
    assert [(p.month, p.run_rate, p.change, p.change_count) for p in s.months] == [
        ("2026-03", Decimal(50), Decimal(10), 2)
    ]
    [s] = monthly_series(entries, Selection(since=date(2026, 2, 1)))
    assert [(p.month, p.change) for p in s.months] == [("2026-02", Decimal(0)), ("2026-03", Decimal(10))]


def test_the_largest_changes_of_a_month_are_listed_and_all_are_counted() -> None:
    entries = [_entry(1, (2026, 5, 1), "api", "core", "0", "100")]
    rate = 100
    for i, step in enumerate([3, -40, 7, 7, 1, 25, -2], start=2):
        entries.append(_entry(i, (2026, 5, i), "api", "core", str(rate), str(rate + step)))
        rate += step
    [s] = monthly_series(entries, limit=3)
    assert s.total_changes == 8 and s.months[0].change_count == 8
    assert [c.delta for c in s.changes] == [Decimal(100), Decimal(-40), Decimal(25)]
    [s] = monthly_series(entries, limit=4)  # a tie: the more recent first
    assert s.changes[-1].head_commit == "sha5"


def test_summarise_keeps_the_largest_moves_ranked() -> None:
    entries = [_entry(i, (2026, 5, i), "api", None, "0", str(i * i)) for i in range(1, 8)]
    rows, changes = summarise(entries, keep=2)
    [row] = rows
    assert (row.runs, row.changes, row.moved, row.last_after, row.team) == (7, 7, Decimal(49), Decimal(49), None)
    assert [(c.rank, c.moved) for c in changes] == [(1, Decimal(13)), (2, Decimal(11))]


def test_no_entries_no_series() -> None:
    assert monthly_series([]) == []
