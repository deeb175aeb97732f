"""The monthly run-rate series, from hand-made entries (no database: the store tests cover reading)."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

from costgate.ledger.history import monthly_series
from costgate.ledger.store import HistoryEntry


def _entry(
    run_id: int,
    when: tuple[int, int, int],
    project: str,
    team: str | None,
    before: str,
    after: str,
    pr: int | None = None,
) -> HistoryEntry:
    b, a = Decimal(before), Decimal(after)
    return HistoryEntry(
        run_id, datetime(*when, tzinfo=UTC), project, team, "acme/infra", pr, f"sha{run_id}", "main", b, a, a - b
    )


def test_months_without_runs_carry_the_run_rate_forward() -> None:
    [s] = monthly_series(
        [
            _entry(1, (2025, 11, 3), "api", "core", "0", "40", pr=1),
            _entry(2, (2026, 2, 9), "api", "core", "40", "25.5", pr=2),
        ]
    )
    assert [(p.month, p.run_rate, p.change) for p in s.months] == [
        ("2025-11", Decimal(40), Decimal(40)),
        ("2025-12", Decimal(40), Decimal(0)),
        ("2026-01", Decimal(40), Decimal(0)),
        ("2026-02", Decimal("25.5"), Decimal("-14.5")),
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
    assert [c.delta for c in s.changes] == [Decimal(10), Decimal(3)]
    assert s.months[-1].run_rate == Decimal(13)


def test_a_team_series_sums_the_latest_run_rate_of_each_of_its_projects() -> None:
    series = monthly_series(
        [
            _entry(1, (2026, 1, 1), "api", "core", "0", "10"),
            _entry(2, (2026, 1, 5), "db", "core", "0", "7"),
            _entry(3, (2026, 2, 1), "api", "core", "10", "4"),
            _entry(4, (2026, 2, 2), "web", None, "0", "1"),
        ],
        by="team",
    )
    by_key = {s.key: [(p.month, p.run_rate) for p in s.months] for s in series}
    assert by_key == {
        "core": [("2026-01", Decimal(17)), ("2026-02", Decimal(11))],
        "unowned": [("2026-02", Decimal(1))],
    }


def test_no_entries_no_series() -> None:
    assert monthly_series([]) == []
