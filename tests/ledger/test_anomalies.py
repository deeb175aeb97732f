"""The ledger's side of anomaly detection, on SQLite and the real PostgreSQL: recorded runs become
the gate's CostHistory (first runs and unmoved runs are not changes; the window starts from each
project's run-rate before it), `costgate anomalies` finds the step change, and CG908 can be
waived per project."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from costgate.ledger.anomalies import cost_history, read_history
from costgate.ledger.store import Ledger
from tests.helpers import EXAMPLE_PLAN, run_cli
from tests.ledger.records import make_run

START = datetime(2026, 1, 1, 9, 0, tzinfo=UTC)
AFTERS = [
    "1000",
    "1040",
    "1040",
    "1070",
    "1100",
    "1120",
    "1160",
    "1190",
    "1230",
    "1250",
    "1290",
    "1310",
    "1350",
    "1380",
    "4380",
    "4400",
    "4430",
]
"""`api`'s run-rate after each recorded run, one a day: +30..+40 a day, one unchanged day, and a
+$3,000 step on day 14 (PR 14)."""


@pytest.fixture(autouse=True)
def _quiet(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COSTGATE_CATALOG_MAX_AGE_DAYS", "100000")
    for name in (
        "GITHUB_REPOSITORY",
        "GITHUB_SHA",
        "GITHUB_REF",
        "GITHUB_HEAD_REF",
        "GITHUB_REF_NAME",
        "CI_PROJECT_PATH",
        "CI_COMMIT_SHA",
        "CI_MERGE_REQUEST_IID",
        "CI_COMMIT_REF_NAME",
        "COSTGATE_CONFIG",
    ):
        monkeypatch.delenv(name, raising=False)


def _record(url: str) -> None:
    ledger = Ledger.open(url)
    try:
        for i, after in enumerate(AFTERS):
            ledger.record(
                make_run(
                    project="api",
                    team="web",
                    before="0",
                    after=after,
                    pull_request=i,
                    head_commit=f"{i:07x}",
                    when=START + timedelta(days=i),
                )
            )
        ledger.record(make_run(project="db", team="data", before="0", after="900", when=START))
        ledger.record(
            make_run(
                project="api", team="web", before="0", after="99999", source="check", when=START + timedelta(days=20)
            )
        )  # a proposal: never history
    finally:
        ledger.close()


def test_recorded_runs_become_changes(ledger_url: str) -> None:
    _record(ledger_url)
    ledger = Ledger.open(ledger_url)
    try:
        history = cost_history(ledger.history())
        window = read_history(ledger, as_of=START + timedelta(days=16, hours=1), window_days=10)
        before = ledger.latest_before(START + timedelta(days=7))
    finally:
        ledger.close()
    api = [c for c in history.changes if c.project == "api"]
    assert api[0].first and api[0].delta == Decimal(1000)
    assert [c.delta for c in api[1:]] == [
        Decimal(v) for v in (40, 30, 30, 20, 40, 30, 40, 20, 40, 20, 40, 30, 3000, 20, 30)
    ]
    assert api[13].pull_request == 14 and api[13].run_rate_before == Decimal(1380)  # day 2 did not move: no change
    assert history.run_rates == {"api": Decimal(4430), "db": Decimal(900)}
    assert history.teams == {"api": "web", "db": "data"}
    # the window (days 7..16) starts from where each project stood before it: no `first` in it
    assert [(e.project, e.after) for e in before] == [("api", Decimal(1160)), ("db", Decimal(900))]
    assert not any(c.first for c in window.changes)
    assert next(c.delta for c in window.changes) == Decimal(30)  # day 7: 1190 - 1160
    assert window.run_rates["api"] == Decimal(4430) and window.as_of == START + timedelta(days=16, hours=1)


def test_anomalies_command_finds_the_step_change(ledger_url: str, tmp_path: Path) -> None:
    _record(ledger_url)
    config = tmp_path / "costgate.yml"
    config.write_text("policies:\n  rules:\n    CG908:\n      params: {min_history: 10}\n", encoding="utf-8")
    r = run_cli("anomalies", "--ledger", ledger_url, "--config", str(config), "--format", "json")
    assert r.code == 0, r.err
    doc = json.loads(r.out)
    assert doc["version"] == 1 and doc["params"]["min_history"] == 10
    [found] = doc["anomalies"]
    assert (found["project"], found["pull_request"], found["delta"], found["changes"]) == ("api", 14, "3000", 12)
    assert found["message"] == (
        "+$3,000.00/month is 75× the largest change to project api in 90 days (12 changes, median +$30.00)"
    )
    table = run_cli("anomalies", "--ledger", ledger_url, "--config", str(config)).out
    assert "#14" in table and "+$3,000.00" in table and "1 out-of-line change(s)." in table
    # 12 changes came before it; ask for 13 and nothing is claimed
    config.write_text("policies:\n  rules:\n    CG908:\n      params: {min_history: 13}\n", encoding="utf-8")
    assert (
        json.loads(run_cli("anomalies", "--ledger", ledger_url, "--config", str(config), "--format", "json").out)[
            "anomalies"
        ]
        == []
    )
    # --since reports from that day on, with the earlier days still counted as history
    since = run_cli("anomalies", "--ledger", ledger_url, "--since", "2026-01-16", "--format", "json")
    assert [a["pull_request"] for a in json.loads(since.out)["anomalies"]] == []
    since = run_cli(
        "anomalies", "--ledger", ledger_url, "--since", "2026-01-15", "--format", "json"
    )  # PR 14 was recorded on Jan 15
    assert [a["pull_request"] for a in json.loads(since.out)["anomalies"]] == [14]


def test_a_cg908_waiver_can_name_the_project(ledger_url: str, tmp_path: Path) -> None:
    """The example plan priced against a history in which its project (`basic`) moved by a few
    dollars per merge: out of line, then waived for that project only."""
    ledger = Ledger.open(ledger_url)
    now = datetime.now(UTC)
    try:
        for i in range(12):
            ledger.record(
                make_run(
                    project="basic",
                    team="platform",
                    before="0",
                    after=str(100 + 3 * i + i % 2),
                    when=now - timedelta(days=30 - i),
                )
            )
    finally:
        ledger.close()
    config = tmp_path / "costgate.yml"
    config.write_text(f"ledger: {ledger_url}\n", encoding="utf-8")
    r = run_cli("check", "--plan", str(EXAMPLE_PLAN), "--config", str(config), "--format", "json")
    assert r.code == 0, r.err
    [finding] = [f for f in json.loads(r.out)["gate"]["findings"] if f["code"] == "CG908"]
    assert finding["project"] == "basic" and not finding["waived"]
    expires = (now + timedelta(days=30)).date().isoformat()
    for project, waived in (("other", False), ("bas*", True)):
        config.write_text(
            f"ledger: {ledger_url}\nwaivers:\n  - rule: CG908\n    project: '{project}'\n"
            f"    reason: planned growth\n    expires: {expires}\n",
            encoding="utf-8",
        )
        r = run_cli("check", "--plan", str(EXAMPLE_PLAN), "--config", str(config), "--format", "json")
        [finding] = [f for f in json.loads(r.out)["gate"]["findings"] if f["code"] == "CG908"]
        assert finding["waived"] is waived


def test_an_unreachable_ledger_skips_the_anomaly_check_with_a_warning(tmp_path: Path) -> None:
    from tests.ledger.conftest import _free_port

    url = f"postgresql://costgate:s3cret-pw@127.0.0.1:{_free_port()}/ledger"
    r = run_cli("check", "--plan", str(EXAMPLE_PLAN), "--ledger", url, "--format", "json")
    assert r.code == 0
    assert "warning: no anomaly check (CG908)" in r.err and "s3cret-pw" not in r.err
    assert "Traceback" not in r.err
