"""`costgate comment <platform>` end to end: the real CLI against the stand-in APIs."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from costgate.cli.commands import comment as comment_cmd
from costgate.gate.model import BudgetStatus, Finding, GateResult, Severity, Verdict
from costgate.vcs.sticky import content_of, parse_marker
from tests.helpers import EXAMPLE_PLAN, FIXTURES, REPO, run_cli
from tests.vcs.conftest import TOKEN
from tests.vcs.fakes import FakeGitHub, FakeGitLab

SECOND_PLAN = FIXTURES / "plans" / "replace_and_delete" / "plan.json"


def _headline(plan: Path) -> str:
    """What the comment for `plan` must say (prices move as pricers land, so never hard-coded)."""
    from costgate.pipeline import estimate_plans
    from costgate.report.markdown import headline

    return headline(estimate_plans([plan]).totals)


CI_VARS = ("GITHUB_", "CI_", "SYSTEM_", "BUILD_", "BITBUCKET_", "GITLAB_", "AZURE_DEVOPS_")


@pytest.fixture(autouse=True)
def clean_ci_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests may run inside GitHub Actions; its variables must not leak into these runs."""
    for name in list(os.environ):
        if name.startswith(CI_VARS):
            monkeypatch.delenv(name, raising=False)


def _github_args(url: str, plan: Path = EXAMPLE_PLAN, *extra: str) -> list[str]:
    return [
        "comment",
        "github",
        "--github-api-url",
        url,
        "--repo",
        "o/r",
        "--pull-request",
        "1",
        "--github-token",
        TOKEN,
        "--plan",
        str(plan),
        *extra,
    ]


def test_done_when_two_runs_with_two_plans_leave_one_comment_reflecting_the_second(
    github: tuple[FakeGitHub, str],
) -> None:
    """The issue's acceptance test, through the installed CLI in a subprocess."""
    fake, url = github
    env = {k: v for k, v in os.environ.items() if not k.startswith(CI_VARS)}
    outputs = []
    for plan in (EXAMPLE_PLAN, SECOND_PLAN):
        proc = subprocess.run(
            [
                sys.executable,
                "-m",
                "costgate",
                "comment",
                "github",
                "--github-api-url",
                url,
                "--repo",
                "o/r",
                "--pull-request",
                "1",
                "--github-token",
                TOKEN,
                "--plan",
                str(plan),
            ],
            capture_output=True,
            text=True,
            env=env,
            cwd=REPO,
            timeout=120,
        )
        assert proc.returncode == 0, proc.stderr
        outputs.append(proc.stdout + proc.stderr)
    ours = fake.costgate_comments()
    assert len(ours) == 1
    body = ours[0]["body"]
    assert _headline(SECOND_PLAN) in body and "| replace\\_and\\_delete |" in body
    assert _headline(EXAMPLE_PLAN) not in body and "| basic |" not in body
    assert fake.count("POST", "/issues/1/comments") == 1 and fake.count("PATCH") == 1
    assert [s["sha"] for s in fake.statuses] == ["abc123", "abc123"]  # the pull request's head commit
    for text in outputs:
        assert TOKEN not in text


def test_dry_run_prints_the_body_and_calls_nothing(github: tuple[FakeGitHub, str]) -> None:
    fake, url = github
    result = run_cli(*_github_args(url, EXAMPLE_PLAN, "--dry-run"))
    assert result.code == 0
    assert result.out.startswith(f"### 💰 costgate: {_headline(EXAMPLE_PLAN)}")
    assert fake.requests == []


def test_dry_run_needs_no_repo_or_token() -> None:
    result = run_cli("comment", "bitbucket", "--plan", str(EXAMPLE_PLAN), "--dry-run")
    assert result.code == 0
    assert "<details>" not in result.out and "**Resource details" in result.out  # Bitbucket strips HTML


LAMBDA = FIXTURES / "resources" / "aws" / "lambda_function"


@pytest.mark.parametrize(
    ("plan", "options"),
    [
        (EXAMPLE_PLAN, ["--usage-profile", "large"]),
        (LAMBDA / "plan.json", ["--usage-file", str(LAMBDA / "usage.yml"), "--free-tier"]),
    ],
    ids=["usage-profile", "free-tier"],
)
def test_comment_prices_with_the_same_options_as_diff(plan: Path, options: list[str]) -> None:
    """An estimate option given to `comment` means what it means to `diff` (both were once ignored)."""
    from costgate.money import money

    def after(*extra: str) -> Decimal:
        result = run_cli("diff", "--plan", str(plan), "--format", "json", "--max-catalog-age-days", "0", *extra)
        return Decimal(str(json.loads(result.out)["totals"]["after"]))

    with_option, without = after(*options), after(*options[:-1] if options[-1] == "--free-tier" else ())
    assert with_option != without  # the option moves the total, so a comment ignoring it shows
    result = run_cli("comment", "bitbucket", "--plan", str(plan), "--dry-run", *options)
    assert result.code == 0, result.err
    assert money(with_option) in result.out and money(without) not in result.out


def test_defaults_from_the_actions_environment(
    github: tuple[FakeGitHub, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake, url = github
    event = tmp_path / "event.json"
    event.write_text(json.dumps({"pull_request": {"number": 1}}))
    summary, output = tmp_path / "summary.md", tmp_path / "output.txt"
    for k, v in {
        "GITHUB_REPOSITORY": "o/r",
        "GITHUB_EVENT_PATH": str(event),
        "GITHUB_TOKEN": TOKEN,
        "GITHUB_API_URL": url,
        "GITHUB_RUN_ID": "4242",
        "GITHUB_RUN_ATTEMPT": "2",
        "GITHUB_STEP_SUMMARY": str(summary),
        "GITHUB_OUTPUT": str(output),
        "GITHUB_SERVER_URL": "https://github.example",
        "GITHUB_SHA": "mergecommit",
    }.items():
        monkeypatch.setenv(k, v)
    result = run_cli("comment", "github", "--plan", str(EXAMPLE_PLAN))
    assert result.code == 0, result.err
    body = fake.costgate_comments()[0]["body"]
    assert parse_marker(body).run == "4242.2"  # type: ignore[union-attr]
    assert _headline(EXAMPLE_PLAN) in summary.read_text()
    total = output.read_text().splitlines()[0].partition("=")[2]
    assert output.read_text().splitlines() == [
        f"total-monthly-cost={total}",
        f"delta-monthly-cost={total}",
        "verdict=none",
    ]
    assert Decimal(total) > 0
    status = fake.statuses[0]
    assert status["sha"] == "abc123" and status["state"] == "success" and status["context"] == "costgate"
    assert status["target_url"] == "https://github.example/o/r/actions/runs/4242"
    assert status["description"].startswith(f"Monthly cost +${Decimal(total):,}/month")


def test_an_older_run_leaves_the_newer_comment(github: tuple[FakeGitHub, str]) -> None:
    fake, url = github
    assert run_cli(*_github_args(url, SECOND_PLAN, "--run-id", "9.1")).code == 0
    late = run_cli(*_github_args(url, EXAMPLE_PLAN, "--run-id", "8.1"))
    assert late.code == 0 and "newer run (9.1)" in late.out
    assert "replace\\_and\\_delete" in fake.costgate_comments()[0]["body"]
    assert len(fake.statuses) == 1  # the older run does not overwrite the status either


def test_quiet_threshold_posts_nothing(github: tuple[FakeGitHub, str]) -> None:
    fake, url = github
    result = run_cli(*_github_args(url, EXAMPLE_PLAN, "--quiet-below-amount", "1000"))
    assert result.code == 0 and "quiet" in result.out
    assert fake.costgate_comments() == []
    loud = run_cli(*_github_args(url, EXAMPLE_PLAN, "--quiet-below-amount", "1000", "--quiet-below-percent", "5"))
    assert loud.code == 0 and len(fake.costgate_comments()) == 1  # from $0: an infinite increase


def test_api_errors_are_one_line_exit_2_without_the_token(
    github: tuple[FakeGitHub, str], caplog: pytest.LogCaptureFixture
) -> None:
    fake, url = github
    caplog.set_level(logging.DEBUG)
    for _ in range(10):
        fake.fail_next(
            403, method="GET", body=json.dumps({"message": f"Resource not accessible by integration ({TOKEN})"})
        )
    result = run_cli(*_github_args(url, EXAMPLE_PLAN))
    assert result.code == 2
    assert result.err.count("\n") == 1 and result.err.startswith("costgate: error: GitHub API: GET /repos/o/r/")
    assert "-> 403 FORBIDDEN (the token lacks a permission" in result.err and "***" in result.err
    assert TOKEN not in result.out + result.err + caplog.text


def test_missing_token_is_a_usage_error() -> None:
    result = run_cli("comment", "github", "--repo", "o/r", "--pull-request", "1", "--plan", str(EXAMPLE_PLAN))
    assert result.code == 2 and "--github-token is required (or set GITHUB_TOKEN)" in result.err


def test_hide_and_new_is_refused_where_impossible(gitlab: tuple[FakeGitLab, str]) -> None:
    _, url = gitlab
    result = run_cli(
        "comment",
        "gitlab",
        "--gitlab-api-url",
        url,
        "--project",
        "group/proj",
        "--merge-request",
        "7",
        "--gitlab-token",
        TOKEN,
        "--plan",
        str(EXAMPLE_PLAN),
        "--behavior",
        "hide-and-new",
    )
    assert result.code == 2 and "GitLab cannot hide comments" in result.err


@pytest.mark.parametrize("kind", ["gitlab", "azure", "bitbucket"])
def test_other_platforms_through_the_cli(kind: str, request: pytest.FixtureRequest) -> None:
    fake, url = request.getfixturevalue(kind)
    args = {
        "gitlab": [
            "gitlab",
            "--gitlab-api-url",
            url,
            "--project",
            "group/proj",
            "--merge-request",
            "7",
            "--gitlab-token",
            TOKEN,
        ],
        "azure": [
            "azure-repos",
            "--organization-url",
            url,
            "--project",
            "proj",
            "--repository",
            "repo",
            "--pull-request",
            "3",
            "--azure-token",
            TOKEN,
        ],
        "bitbucket": [
            "bitbucket",
            "--bitbucket-api-url",
            url,
            "--repo",
            "ws/repo",
            "--pull-request",
            "5",
            "--bitbucket-token",
            TOKEN,
        ],
    }[kind]
    for plan in (EXAMPLE_PLAN, SECOND_PLAN):
        result = run_cli("comment", *args, "--plan", str(plan))
        assert result.code == 0, result.err
        assert TOKEN not in result.out + result.err
    ours = fake.costgate_comments()
    assert len(ours) == 1
    body = ours[0].get("body") or ours[0].get("content")
    body = body["raw"] if isinstance(body, dict) else body
    assert content_of(body).startswith(f"### 💰 costgate: {_headline(SECOND_PLAN)}")
    assert len(fake.statuses) == 2


def _gate(verdict: Verdict) -> GateResult:
    findings = (
        Finding(
            "CG101",
            "gp2-volume",
            Severity.BLOCK if verdict is Verdict.BLOCK else Severity.WARN,
            "gp2 costs 20% more than gp3",
            address="aws_ebs_volume.data",
            monthly_saving=Decimal("4.00"),
        ),
    )
    return GateResult(
        verdict=verdict,
        findings=findings,
        budgets=(BudgetStatus("platform", "team:platform", Decimal(500), Decimal(0), Decimal("800.74"), "crossed"),),
    )


@pytest.mark.parametrize(
    ("verdict", "labels", "fail_on", "code", "state"),
    [
        (Verdict.BLOCK, [], "block", 1, "failure"),
        (Verdict.BLOCK, ["cost-approved"], "block", 0, "success"),
        (Verdict.BLOCK, [], "never", 0, "failure"),
        (Verdict.WARN, [], "block", 0, "success"),
        (Verdict.WARN, [], "warn", 1, "success"),
        (Verdict.PASS, [], "warn", 0, "success"),
    ],
)
def test_verdict_drives_status_exit_code_and_override_labels(
    github: tuple[FakeGitHub, str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    verdict: Verdict,
    labels: list[str],
    fail_on: str,
    code: int,
    state: str,
) -> None:
    """Every verdict, from hand-built GateResults (the real gate runs in the examples/gate test)."""
    fake, url = github
    fake.labels = labels
    monkeypatch.setattr(comment_cmd, "_evaluate_gate", lambda estimate, config, store, args: _gate(verdict))
    result = run_cli(*_github_args(url, EXAMPLE_PLAN, "--override-label", "cost-approved", "--fail-on", fail_on))
    assert result.code == code, result.err
    assert fake.statuses[-1]["state"] == state
    body = fake.costgate_comments()[0]["body"]
    assert "CG101" in body and "Potential savings from the findings: **$4.00 per month**" in body
    if labels:
        assert "overridden" in body and "overridden by label cost-approved" in fake.statuses[-1]["description"]


GATE_EXAMPLE = REPO / "examples" / "gate"


def test_the_real_gate_on_examples_gate(github: tuple[FakeGitHub, str]) -> None:
    """examples/gate blocks (issue 5's Done-when); the comment shows why, the status fails, exit 1."""
    fake, url = github
    result = run_cli(*_github_args(url, GATE_EXAMPLE / "plan.json", "--config", str(GATE_EXAMPLE / "costgate.yml")))
    assert result.code == 1, result.err
    body = fake.costgate_comments()[0]["body"]
    assert "#### ⛔ Blocked: 3 findings block this change" in body
    assert "| ⛔ block | CG101 | **gp2-volume**" in body and "| ⛔ block | rego:cost |" in body
    assert "| payments-monthly | team payments | $600.00 |" in body
    assert "| shop-staging |" in body  # the config's project name
    assert fake.statuses[-1]["state"] == "failure"
    assert fake.statuses[-1]["description"].startswith("Blocked (")


def test_comment_settings_from_the_config_and_flags_over_them(github: tuple[FakeGitHub, str], tmp_path: Path) -> None:
    fake, url = github
    config = tmp_path / "costgate.yml"
    config.write_text("version: 1\ncomment:\n  behavior: new\n  max_resources: 2\n")
    for plan in (EXAMPLE_PLAN, SECOND_PLAN):
        result = run_cli(*_github_args(url, plan, "--config", str(config), "--fail-on", "never"))
        assert result.code == 0, result.err
    ours = fake.costgate_comments()
    assert len(ours) == 2  # behavior: new, from the config
    assert ours[0]["body"].count("| + |") == 2 and "more resources not shown" in ours[0]["body"]
    result = run_cli(
        *_github_args(
            url,
            EXAMPLE_PLAN,
            "--config",
            str(config),
            "--fail-on",
            "never",
            "--behavior",
            "delete-and-new",
            "--max-resources",
            "3",
        )
    )
    assert result.code == 0, result.err
    ours = fake.costgate_comments()
    assert len(ours) == 1 and ours[0]["body"].count("| + |") == 3


def test_bad_config_is_one_line_naming_the_file(tmp_path: Path) -> None:
    config = tmp_path / "costgate.yml"
    config.write_text("version: 1\ncomment:\n  behaviour: new\n")
    result = run_cli("comment", "github", "--plan", str(EXAMPLE_PLAN), "--config", str(config), "--dry-run")
    assert result.code == 2 and f"{config}:3" in result.err and "unknown key" in result.err


def test_a_refused_comment_falls_back_to_the_job_summary(
    github: tuple[FakeGitHub, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A fork's token may read but not write: with --on-comment-error summary the run warns, the
    report is in the job summary, and the verdict (none here) decides the exit code."""
    fake, url = github
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    fake.fail_next(403, method="POST", body=json.dumps({"message": "Resource not accessible by integration"}))
    result = run_cli(*_github_args(url, EXAMPLE_PLAN, "--on-comment-error", "summary"))
    assert result.code == 0, result.err
    assert "costgate: warning: could not comment (GitHub API: POST /repos/o/r/issues/1/comments -> 403" in result.err
    assert "::warning title=costgate::could not comment" in result.out
    assert "the report is in the job summary" in result.err
    assert "Monthly cost" in summary.read_text() or "monthly" in summary.read_text().lower()
    assert fake.costgate_comments() == [] and fake.statuses == []
    assert TOKEN not in result.out + result.err


def test_a_refused_comment_fails_by_default(github: tuple[FakeGitHub, str]) -> None:
    fake, url = github
    fake.fail_next(403, method="POST", body=json.dumps({"message": "Resource not accessible by integration"}))
    result = run_cli(*_github_args(url, EXAMPLE_PLAN))
    assert result.code == 2 and result.err.startswith("costgate: error: GitHub API: POST")


def test_only_a_403_falls_back(github: tuple[FakeGitHub, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake, url = github
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(tmp_path / "summary.md"))
    fake.fail_next(422, method="POST", body=json.dumps({"message": "Validation Failed"}))
    result = run_cli(*_github_args(url, EXAMPLE_PLAN, "--on-comment-error", "summary"))
    assert result.code == 2 and "422" in result.err
