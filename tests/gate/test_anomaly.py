"""The robust statistics behind CG908 and `costgate anomalies`: median, MAD, the floors, the
minimum history, the direction, the sentence, and the scan of recorded history."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest

from costgate.gate.anomaly import (
    AnomalyParams,
    CostHistory,
    PastChange,
    judge,
    judge_project,
    median,
    scan,
    spread,
)

D = Decimal
PAST = [D(v) for v in ("40", "-25", "60", "120", "-80", "35", "450", "15", "90", "-10", "75", "200")]
"""Sorted: -80 -25 -10 15 35 40 60 75 90 120 200 450; median (40 + 60) / 2 = 50; absolute
deviations from 50 sorted: 10 10 15 25 35 40 60 70 75 130 150 400, MAD (40 + 60) / 2 = 50."""
LOOSE = AnomalyParams(min_amount=D(0), min_run_rate_percent=D(0))


def test_median_and_mad_by_hand() -> None:
    assert median(PAST) == D(50)
    assert median([D(3), D(1), D(2)]) == D(2)
    assert spread(PAST, D(50)) == D("1.4826") * 50
    with pytest.raises(ValueError, match="no values"):
        median([])


def test_a_zero_mad_falls_back_to_the_mean_absolute_deviation() -> None:
    values = [D(10)] * 7 + [D(20), D(40), D(70)]  # over half equal: MAD 0; mean |v - 10| = (10 + 30 + 60) / 10 = 10
    assert spread(values, D(10)) == D("1.2533") * 10
    assert spread([D(5)] * 4, D(5)) == 0


def test_the_threshold_is_in_robust_standard_deviations() -> None:
    scale = D("1.4826") * 50  # 74.13
    just_under = D(50) + scale * 5 - D("0.01")
    at = D(50) + scale * 5
    assert judge(just_under, PAST, run_rate=D(0), params=LOOSE, scope="project", name="p") is None
    found = judge(at, PAST, run_rate=D(0), params=LOOSE, scope="project", name="p")
    assert found is not None and found.score == D(5) and found.largest == D(450) and found.changes == 12


def test_too_little_history_claims_nothing() -> None:
    params = AnomalyParams(min_history=13, min_amount=D(0), min_run_rate_percent=D(0))
    assert judge(D(100_000), PAST, run_rate=D(0), params=params, scope="project", name="p") is None
    assert judge(D(100_000), PAST, run_rate=D(0), params=AnomalyParams(min_history=12), scope="project", name="p")


def test_the_floors_keep_small_changes_quiet() -> None:
    # 5,000 is far out of line, but below 10 % of a $60,000 run-rate; then below a $6,000 floor
    assert judge(D(5000), PAST, run_rate=D(60_000), params=AnomalyParams(), scope="project", name="p") is None
    assert (
        judge(D(5000), PAST, run_rate=D(0), params=AnomalyParams(min_amount=D(6000)), scope="project", name="p") is None
    )
    assert judge(D(5000), PAST, run_rate=D(50_000), params=AnomalyParams(), scope="project", name="p") is not None


def test_direction() -> None:
    drop = D(-5000)
    assert judge(drop, PAST, run_rate=D(0), params=LOOSE, scope="project", name="p") is None  # increases by default
    both = LOOSE.model_copy(update={"direction": "both"})
    assert judge(drop, PAST, run_rate=D(0), params=both, scope="project", name="p") is not None
    decrease = LOOSE.model_copy(update={"direction": "decrease"})
    assert judge(D(5000), PAST, run_rate=D(0), params=decrease, scope="project", name="p") is None


def test_identical_history_flags_any_other_material_change() -> None:
    same = [D(30)] * 12
    found = judge(D(200), same, run_rate=D(0), params=AnomalyParams(), scope="team", name="payments")
    assert found is not None and found.score is None and found.spread == 0
    assert judge(D(30), same, run_rate=D(0), params=LOOSE, scope="team", name="payments") is None


@pytest.mark.parametrize(
    ("delta", "message"),
    [
        (
            D("4120"),
            "+$4,120.00/month is 9.2× the largest change to team payments in 90 days (12 changes, median +$50.00)",
        ),
        (
            D("9000"),
            "+$9,000.00/month is 20× the largest change to team payments in 90 days (12 changes, median +$50.00)",
        ),
        (D("900"), "+$900.00/month is 2× the largest change to team payments in 90 days (12 changes, median +$50.00)"),
        (
            D("451"),
            (
                "+$451.00/month is larger than any change to team payments in 90 days (largest +$450.00; "
                "12 changes, median +$50.00)"
            ),
        ),
    ],
)
def test_the_sentence(delta: Decimal, message: str) -> None:
    found = judge(delta, PAST, run_rate=D(0), params=LOOSE, scope="team", name="payments")
    assert found is not None and found.message() == message


def test_within_the_largest_but_far_from_the_median() -> None:
    tight = [D(v) for v in (10, 11, 9, 10, 12, 8, 10, 11, 9, 10, 500)]
    found = judge(D(400), tight, run_rate=D(0), params=LOOSE, scope="project", name="api")
    assert found is not None
    assert found.message().startswith(
        "+$400.00/month is out of line with project api in 90 days (11 changes, median +$10.00"
    )


NOW = datetime(2026, 6, 1, tzinfo=UTC)


def _change(
    project: str, team: str | None, days_ago: float, delta: str, before: str = "1000", **kw: object
) -> PastChange:
    b = D(before)
    return PastChange(project, team, NOW - timedelta(days=days_ago), D(delta), b, b + D(delta), **kw)  # type: ignore[arg-type]


def test_judge_project_uses_the_window_and_falls_back_to_the_team() -> None:
    own = [_change("api", "web", 80 - i, str(20 + i)) for i in range(12)]
    old = [_change("api", "web", 200 + i, "9000") for i in range(5)]  # outside 90 days: not history
    team = [_change(f"svc{i}", "web", 30 - i, str(25 + i)) for i in range(12)]
    history = CostHistory(tuple(old + own + team), {"api": D(1000)}, {"api": "web"}, NOW)
    found = judge_project(history, "api", "web", D(3000), params=AnomalyParams(), end=NOW)
    assert found is not None and (found.scope, found.name, found.changes) == ("project", "api", 12)
    # a new project: no history of its own, judged against its team's
    found = judge_project(history, "new", "web", D(3000), params=AnomalyParams(), end=NOW)
    assert found is not None and (found.scope, found.name, found.changes) == ("team", "web", 24)
    # a project that routinely makes large changes is judged by its own history, not its calmer team's
    big = [_change("batch", "web", 60 - i, str(2500 + 100 * (i % 5)), before="20000") for i in range(12)]
    many = [_change(f"svc{i}", "web", 40 - i / 2, str(25 + i % 12)) for i in range(40)]
    calm = CostHistory(tuple(big + many), {"batch": D(20_000)}, {"batch": "web"}, NOW)
    assert judge_project(calm, "batch", "web", D(3000), params=AnomalyParams(), end=NOW) is None
    assert judge_project(calm, "new", "web", D(3000), params=AnomalyParams(), end=NOW) is not None  # the team's view
    # first runs are not changes
    firsts = tuple(_change(f"x{i}", "ops", 5, "5000", first=True) for i in range(20))
    assert judge_project(CostHistory(firsts), "y", "ops", D(9000), params=AnomalyParams(), end=NOW) is None


def test_scan_finds_the_step_change_and_only_it() -> None:
    changes = [_change("api", "web", 60 - i, str(30 + (i % 4) * 10), before=str(1000 + 40 * i)) for i in range(15)]
    step = _change("api", "web", 44, "2500", before="1600", pull_request=77, head_commit="abc")
    after = [_change("api", "web", 43 - i, str(30 + (i % 3) * 10), before="4100") for i in range(5)]
    history = CostHistory(tuple([*changes, step, *after]))
    [found] = scan(history, params=AnomalyParams())
    assert found.change is step and found.judgement.changes == 15
    # the team's scan counts the team's run-rate, not one project's: 2,500 is under 10 % of 30,000
    others = [_change("db", "web", 61, "0", before="28400", first=True)]
    assert scan(CostHistory(tuple(others + changes + [step] + after)), params=AnomalyParams(), by="team") == []
    assert len(scan(CostHistory(tuple(others + changes + [step] + after)), params=AnomalyParams(), by="project")) == 1
