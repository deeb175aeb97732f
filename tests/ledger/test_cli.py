"""record, check, comment and history against a real ledger (SQLite and PostgreSQL), and the faults:
an unreachable database, a foreign URL, a newer schema."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from costgate.ledger.store import Ledger
from costgate.ledger.store import ledger_url as parse_url
from tests.helpers import EXAMPLE_PLAN, run_cli
from tests.ledger.conftest import _free_port
from tests.ledger.records import make_run


@pytest.fixture(autouse=True)
def _quiet_catalog_age(monkeypatch: pytest.MonkeyPatch) -> None:
    """The shipped catalog's age warning would be a second stderr line in every test."""
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
        "GITHUB_OUTPUT",
        "GITHUB_STEP_SUMMARY",
    ):
        monkeypatch.delenv(name, raising=False)


def _config(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "costgate.yml"
    path.write_text(body, encoding="utf-8")
    return path


def test_record_keeps_the_run_its_context_and_every_resource(ledger_url: str) -> None:
    r = run_cli(
        "record",
        "--plan",
        str(EXAMPLE_PLAN),
        "--ledger",
        ledger_url,
        "--pull-request",
        "7",
        "--head-commit",
        "abc123",
        "--base-commit",
        "def456",
        "--repository",
        "acme/infra",
        "--branch",
        "main",
    )
    assert r.code == 0, r.err
    assert "recorded run 1" in r.out
    breakdown = json.loads(run_cli("breakdown", "--plan", str(EXAMPLE_PLAN), "--format", "json").out)
    ledger = Ledger.open(ledger_url)
    [entry] = ledger.history()
    resources = ledger.count("resource_costs")
    ledger.close()
    assert (entry.project, entry.team, entry.pull_request, entry.head_commit, entry.repository, entry.branch) == (
        "basic",
        "platform",
        7,
        "abc123",
        "acme/infra",
        "main",
    )  # team from the plan's `team` tags
    assert entry.after == Decimal(str(breakdown["totals"]["after"]))  # the same estimate path as breakdown
    assert resources == 32  # every resource of examples/basic, free ones included


def test_record_takes_the_team_from_the_config_ownership(ledger_url: str, tmp_path: Path) -> None:
    config = _config(tmp_path, "ownership:\n  order: [rules]\n  rules:\n    - project: '*'\n      team: payments\n")
    r = run_cli("record", "--plan", str(EXAMPLE_PLAN), "--config", str(config), "--ledger", ledger_url)
    assert r.code == 0, r.err
    ledger = Ledger.open(ledger_url)
    assert [e.team for e in ledger.history()] == ["payments"]
    ledger.close()


def test_check_records_with_its_verdict_and_history_leaves_it_out(ledger_url: str) -> None:
    r = run_cli("check", "--plan", str(EXAMPLE_PLAN), "--ledger", ledger_url, "--format", "json")
    assert r.code == 0, r.err
    assert "recorded run 1" in r.err
    verdict = json.loads(r.out)["gate"]["verdict"]
    engine = create_engine(parse_url(ledger_url))
    with engine.connect() as conn:
        assert conn.execute(text("SELECT source, verdict FROM runs")).all() == [("check", verdict)]
    engine.dispose()
    h = run_cli("history", "--ledger", ledger_url, "--format", "json")
    assert h.code == 0, h.err
    assert json.loads(h.out)["series"] == []  # a check prices a proposal; history follows recorded runs


def test_comment_dry_run_records_when_a_ledger_is_given(ledger_url: str) -> None:
    r = run_cli("comment", "github", "--dry-run", "--plan", str(EXAMPLE_PLAN), "--ledger", ledger_url)
    assert r.code == 0, r.err
    ledger = Ledger.open(ledger_url)
    entries = ledger.history(sources=("comment",))
    ledger.close()
    assert [e.project for e in entries] == ["basic"]


def test_history_shows_run_rate_per_month_and_the_changes(ledger_url: str) -> None:
    ledger = Ledger.open(ledger_url)
    ledger.record(
        make_run(before="0", after="100", pull_request=1, head_commit="aaa", when=datetime(2026, 1, 10, tzinfo=UTC))
    )
    ledger.record(
        make_run(before="100", after="130.50", pull_request=2, head_commit="bbb", when=datetime(2026, 3, 2, tzinfo=UTC))
    )
    ledger.record(
        make_run(
            project="other", team="web", before="0", after="7", pull_request=3, when=datetime(2026, 3, 3, tzinfo=UTC)
        )
    )
    ledger.close()
    doc = json.loads(run_cli("history", "--ledger", ledger_url, "--project", "payments", "--format", "json").out)
    [series] = doc["series"]
    assert series["key"] == "payments"
    assert [(m["month"], Decimal(m["run_rate"]), Decimal(m["change"])) for m in series["months"]] == [
        ("2026-01", Decimal(100), Decimal(100)),
        ("2026-02", Decimal(100), Decimal(0)),
        ("2026-03", Decimal("130.50"), Decimal("30.50")),
    ]
    assert [(c["pull_request"], c["head_commit"], Decimal(c["delta"])) for c in series["changes"]] == [
        (1, "aaa", Decimal(100)),
        (2, "bbb", Decimal("30.50")),
    ]
    by_team = json.loads(run_cli("history", "--ledger", ledger_url, "--by", "team", "--format", "json").out)
    assert [(s["key"], Decimal(s["months"][-1]["run_rate"])) for s in by_team["series"]] == [
        ("payments-team", Decimal("130.50")),
        ("web", Decimal(7)),
    ]
    rows = list(
        csv.DictReader(io.StringIO(run_cli("history", "--ledger", ledger_url, "--team", "web", "--format", "csv").out))
    )
    assert [(r["row_type"], r["key"], r["month"], r["change"], r["pull_request"]) for r in rows] == [
        ("month", "web", "2026-03", "7", ""),
        ("change", "web", "2026-03", "7", "3"),
    ]
    table = run_cli("history", "--ledger", ledger_url, "--since", "2026-03-01").out
    assert "PR #2" in table and "PR #1" not in table


def test_unreachable_database_is_one_line_without_the_password() -> None:
    url = f"postgresql://costgate:s3cret-pw@127.0.0.1:{_free_port()}/ledger"
    r = run_cli("record", "--plan", str(EXAMPLE_PLAN), "--ledger", url)
    assert r.code == 2
    assert r.err.count("\n") == 1 and "Traceback" not in r.err
    assert "s3cret-pw" not in r.err + r.out
    assert r.err.startswith(
        f"costgate: error: postgresql://costgate:***@127.0.0.1:{url.rsplit(':', 1)[1].split('/')[0]}"
        "/ledger: cannot reach the ledger"
    )


def test_check_verdict_does_not_depend_on_an_unreachable_ledger(tmp_path: Path) -> None:
    url = f"postgresql://costgate:s3cret-pw@127.0.0.1:{_free_port()}/ledger"
    r = run_cli("check", "--plan", str(EXAMPLE_PLAN), "--ledger", url, "--format", "json")
    assert r.code == 0
    assert "warning: not recorded" in r.err and "s3cret-pw" not in r.err
    assert (
        json.loads(r.out)["gate"]["verdict"]
        == json.loads(run_cli("check", "--plan", str(EXAMPLE_PLAN), "--format", "json").out)["gate"]["verdict"]
    )
    required = _config(tmp_path, f"ledger: {url}\nledger_required: true\n")
    r = run_cli("check", "--plan", str(EXAMPLE_PLAN), "--config", str(required), "--format", "json")
    assert r.code == 2
    assert "cannot reach the ledger" in r.err and "s3cret-pw" not in r.err


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("mysql://u:pw123@db/x", "mysql://u:***@db/x: unsupported ledger database 'mysql' (sqlite or postgresql)"),
        ("postgresql://u:pw123@db:notaport/x", "postgresql://u:***@db:notaport/x: not a database URL"),
    ],
)
def test_a_foreign_or_broken_url_is_refused_without_its_password(url: str, message: str) -> None:
    r = run_cli("history", "--ledger", url)
    assert r.code == 2
    assert message in r.err and "pw123" not in r.err


def test_a_newer_schema_stops_record_with_both_versions(ledger_url: str) -> None:
    Ledger.open(ledger_url).close()
    engine = create_engine(parse_url(ledger_url))
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '0007'"))
    engine.dispose()
    r = run_cli("record", "--plan", str(EXAMPLE_PLAN), "--ledger", ledger_url)
    assert r.code == 2
    assert "ledger schema version 0007 is newer than this costgate knows (up to 0004); upgrade costgate" in r.err


def test_the_config_ledger_path_is_relative_to_the_config_file(tmp_path: Path) -> None:
    config = _config(tmp_path, "ledger: history/ledger.db\n")
    r = run_cli("record", "--plan", str(EXAMPLE_PLAN), "--config", str(config))
    assert r.code == 0, r.err
    assert (tmp_path / "history" / "ledger.db").is_file()


def test_the_run_context_defaults_to_the_ci_variables(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GITHUB_REPOSITORY", "acme/payments")
    monkeypatch.setenv("GITHUB_REF", "refs/pull/55/merge")
    monkeypatch.setenv("GITHUB_SHA", "f00dface")
    monkeypatch.setenv("GITHUB_HEAD_REF", "feature/cache")
    url = f"sqlite:///{tmp_path / 'l.db'}"
    assert run_cli("record", "--plan", str(EXAMPLE_PLAN), "--ledger", url).code == 0
    ledger = Ledger.open(url)
    [entry] = ledger.history()
    ledger.close()
    assert (entry.repository, entry.pull_request, entry.head_commit, entry.branch) == (
        "acme/payments",
        55,
        "f00dface",
        "feature/cache",
    )
