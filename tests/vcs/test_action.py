"""action.yml: its interface, and its comment step's script run for real against the stand-in API."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from tests.helpers import EXAMPLE_PLAN, FIXTURES, REPO, load_yaml
from tests.vcs.conftest import TOKEN
from tests.vcs.fakes import FakeGitHub

ACTION = load_yaml((REPO / "action.yml").read_text())


def test_interface() -> None:
    assert ACTION["runs"]["using"] == "composite"
    assert set(ACTION["inputs"]) >= {
        "plan-json",
        "path",
        "config",
        "usage-file",
        "usage-profile",
        "free-tier",
        "github-token",
        "behavior",
        "fail-on",
    }
    assert set(ACTION["outputs"]) == {"total-monthly-cost", "delta-monthly-cost", "verdict"}
    install = next(s for s in ACTION["runs"]["steps"] if s.get("id") == "install")
    assert '"$GITHUB_ACTION_PATH"' in install["run"]  # installs the action's own checkout


def test_the_action_fetches_missing_prices_by_default() -> None:
    """A CI runner reaches the public price lists, so the Action fetches what the catalog lacks
    (the CLI's default stays offline); costgate reads the mode and budget from the environment."""
    assert ACTION["inputs"]["fetch-prices"]["default"] == "missing"
    assert ACTION["inputs"]["fetch-timeout"]["default"] == "120"
    step = next(s for s in ACTION["runs"]["steps"] if s.get("id") == "costgate")
    assert step["env"]["COSTGATE_FETCH_PRICES"] == "${{ inputs.fetch-prices }}"
    assert step["env"]["COSTGATE_FETCH_TIMEOUT"] == "${{ inputs.fetch-timeout }}"
    from costgate.pricing.fetch import ENV_TIMEOUT
    from costgate.pricing.fetch_mode import ENV_MODE

    assert {ENV_MODE, ENV_TIMEOUT} <= set(step["env"])


def test_no_input_is_pasted_into_a_script() -> None:
    """`${{ inputs.x }}` inside `run:` would let a crafted input run as shell code."""
    for step in ACTION["runs"]["steps"]:
        assert "${{" not in step.get("run", ""), step.get("id")


@pytest.mark.skipif(shutil.which("bash") is None, reason="bash is absent")
def test_comment_step_runs_against_the_stand_in(github: tuple[FakeGitHub, str], tmp_path: Path) -> None:
    fake, url = github
    step = next(s for s in ACTION["runs"]["steps"] if s.get("id") == "costgate")
    bindir = tmp_path / "bin"
    bindir.mkdir()
    shim = bindir / "costgate"
    shim.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m costgate "$@"\n')
    shim.chmod(0o755)
    output = tmp_path / "output"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GITHUB_", "CI_"))}
    env.update(
        {
            "COSTGATE_BIN": str(bindir),
            "GITHUB_TOKEN": TOKEN,
            "GITHUB_API_URL": url,
            "GITHUB_REPOSITORY": "o/r",
            "GITHUB_OUTPUT": str(output),
            "GITHUB_RUN_ID": "77",
            "GITHUB_RUN_ATTEMPT": "1",
            "COSTGATE_PLANS": f"  {EXAMPLE_PLAN.relative_to(REPO)}\n\n{(FIXTURES / 'plans/update_instance/plan.json').relative_to(REPO)}\n",
            "COSTGATE_CONFIG": "",
            "COSTGATE_USAGE_FILE": "",
            "COSTGATE_USAGE_PROFILE": "large",
            "COSTGATE_FREE_TIER": "true",
            "COSTGATE_BEHAVIOR": "update",
            "COSTGATE_FAIL_ON": "block",
            "COSTGATE_PULL_REQUEST": "1",
            "COSTGATE_COMMIT_SHA": "",
            "COSTGATE_TAG": "",
            "COSTGATE_STATUS": "false",
        }
    )
    proc = subprocess.run(
        ["bash", "-c", step["run"]], check=False, cwd=REPO, env=env, capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 0, proc.stderr
    assert TOKEN not in proc.stdout + proc.stderr
    body = fake.costgate_comments()[0]["body"]
    assert "**All projects**" in body and "| basic |" in body and "| update\\_instance |" in body
    # the profile input reached costgate: the example's usage-based lines are priced at the large profile
    profiled = subprocess.run(
        [
            sys.executable,
            "-m",
            "costgate",
            "diff",
            "--plan",
            str(EXAMPLE_PLAN),
            "--plan",
            str(FIXTURES / "plans/update_instance/plan.json"),
            "--usage-profile",
            "large",
            "--free-tier",
            "--format",
            "json",
            "--max-catalog-age-days",
            "0",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    total = Decimal(str(json.loads(profiled.stdout)["totals"]["after"]))
    outputs = dict(line.split("=", 1) for line in output.read_text().splitlines())
    assert set(outputs) == {"total-monthly-cost", "delta-monthly-cost", "verdict"} and outputs["verdict"] == "none"
    assert abs(Decimal(outputs["total-monthly-cost"]) - total) <= Decimal("0.01")
    assert fake.statuses == []  # status: false


def test_the_html_report_is_attached_as_an_artifact_even_when_the_gate_blocks() -> None:
    assert ACTION["inputs"]["html-report"]["default"] == ""  # off unless asked for
    assert ACTION["inputs"]["html-report-artifact"]["default"] == "costgate-report"
    steps = ACTION["runs"]["steps"]
    costgate = next(i for i, s in enumerate(steps) if s.get("id") == "costgate")
    upload = next(i for i, s in enumerate(steps) if s.get("uses", "").startswith("actions/upload-artifact@"))
    assert upload > costgate
    step = steps[upload]
    assert step["if"] == "${{ always() && inputs.html-report != '' }}"  # a blocked change still gets its report
    assert step["with"] == {
        "name": "${{ inputs.html-report-artifact }}",
        "path": "${{ inputs.path }}/${{ inputs.html-report }}",
        "if-no-files-found": "warn",
    }
    assert steps[costgate]["env"]["COSTGATE_HTML_REPORT"] == "${{ inputs.html-report }}"


@pytest.mark.skipif(shutil.which("bash") is None, reason="bash is absent")
def test_comment_step_writes_the_html_report_before_a_blocking_verdict(
    github: tuple[FakeGitHub, str], tmp_path: Path
) -> None:
    """examples/gate blocks: the step fails (exit 1) after writing the report, so the upload step
    (if: always()) attaches it; the comment is posted as usual."""
    fake, url = github
    step = next(s for s in ACTION["runs"]["steps"] if s.get("id") == "costgate")
    bindir = tmp_path / "bin"
    bindir.mkdir()
    (bindir / "costgate").write_text(f'#!/bin/sh\nexec "{sys.executable}" -m costgate "$@"\n')
    (bindir / "costgate").chmod(0o755)
    report = tmp_path / "out" / "report.html"
    report.parent.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GITHUB_", "CI_", "COSTGATE_"))}
    env.update(
        {
            "COSTGATE_BIN": str(bindir),
            "GITHUB_TOKEN": TOKEN,
            "GITHUB_API_URL": url,
            "GITHUB_REPOSITORY": "o/r",
            "GITHUB_RUN_ID": "80",
            "PYTHONPATH": str(REPO),
            "COSTGATE_CACHE_DIR": os.environ.get("COSTGATE_CACHE_DIR", str(tmp_path / "cache")),
            "COSTGATE_PLANS": "examples/gate/plan.json",
            "COSTGATE_CONFIG": "examples/gate/costgate.yml",
            "COSTGATE_CONFIG_REF": "head",
            "COSTGATE_USAGE_FILE": "",
            "COSTGATE_USAGE_PROFILE": "",
            "COSTGATE_FREE_TIER": "false",
            "COSTGATE_BEHAVIOR": "update",
            "COSTGATE_FAIL_ON": "block",
            "COSTGATE_PULL_REQUEST": "1",
            "COSTGATE_COMMIT_SHA": "",
            "COSTGATE_TAG": "",
            "COSTGATE_STATUS": "false",
            "COSTGATE_FETCH_PRICES": "never",
            "COSTGATE_HTML_REPORT": str(report),
        }
    )
    proc = subprocess.run(
        ["bash", "-c", step["run"]], check=False, cwd=REPO, env=env, capture_output=True, text=True, timeout=180
    )
    assert proc.returncode == 1, proc.stderr  # blocked
    page = report.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and 'class="verdict verdict-block"' in page
    assert "aws_instance.payments_api" in page
    assert TOKEN not in proc.stdout + proc.stderr + page
    assert fake.costgate_comments()  # the comment is posted too


@pytest.mark.skipif(shutil.which("bash") is None or shutil.which("git") is None, reason="bash or git is absent")
def test_comment_step_prices_a_branch_from_its_tf_files(github: tuple[FakeGitHub, str], tmp_path: Path) -> None:
    """terraform-dir, compare-to and changed-only reach costgate: the comment shows the branch's change."""
    from tests.helpers import git, write_tree

    fake, url = github
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    tf = 'provider "aws" {\n  region = "us-east-1"\n}\n\nresource "aws_instance" "web" {\n  ami = "ami-1"\n  instance_type = "%s"\n}\n'
    write_tree(repo, {"infra/main.tf": tf % "m5.large", "other/main.tf": tf % "t3.micro"})
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "base")
    write_tree(repo, {"infra/main.tf": tf % "m5.xlarge"})
    git(repo, "commit", "-q", "-am", "bigger")
    step = next(s for s in ACTION["runs"]["steps"] if s.get("id") == "costgate")
    bindir = tmp_path / "bin"
    bindir.mkdir()
    (bindir / "costgate").write_text(f'#!/bin/sh\nexec "{sys.executable}" -m costgate "$@"\n')
    (bindir / "costgate").chmod(0o755)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GITHUB_", "CI_"))}
    env.update(
        {
            "COSTGATE_BIN": str(bindir),
            "GITHUB_TOKEN": TOKEN,
            "GITHUB_API_URL": url,
            "GITHUB_REPOSITORY": "o/r",
            "GITHUB_RUN_ID": "78",
            "PYTHONPATH": str(REPO),
            "COSTGATE_PLANS": "",
            "COSTGATE_TF_DIRS": " .\n",
            "COSTGATE_COMPARE_TO": "HEAD~1",
            "COSTGATE_CHANGED_ONLY": "true",
            "COSTGATE_CONFIG": "",
            "COSTGATE_USAGE_FILE": "",
            "COSTGATE_USAGE_PROFILE": "",
            "COSTGATE_FREE_TIER": "false",
            "COSTGATE_BEHAVIOR": "update",
            "COSTGATE_FAIL_ON": "block",
            "COSTGATE_PULL_REQUEST": "1",
            "COSTGATE_COMMIT_SHA": "",
            "COSTGATE_TAG": "",
            "COSTGATE_STATUS": "false",
        }
    )
    proc = subprocess.run(
        ["bash", "-c", step["run"]], check=False, cwd=repo, env=env, capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 0, proc.stderr
    body = fake.costgate_comments()[0]["body"]
    assert "aws\\_instance.web" in body and "+$70.08" in body  # m5.large -> m5.xlarge: 730 h x $0.096 more
    assert "| infra | $70.88 | $140.96 | +$70.08 (+99%) |" in body
    assert "other" not in body  # unchanged: left out by changed-only


@pytest.mark.skipif(shutil.which("bash") is None or shutil.which("git") is None, reason="bash or git is absent")
@pytest.mark.parametrize(("config_ref", "blocked"), [("base", True), ("head", False)])
def test_a_pull_request_cannot_loosen_its_own_budget(
    github: tuple[FakeGitHub, str], tmp_path: Path, config_ref: str, blocked: bool
) -> None:
    """Two commits: the base branch caps the monthly cost at $1; the pull request raises the cap
    to $1,000,000 in the same change. With config-ref base (the default) the base's cap holds and
    the step fails; config-ref head shows what would happen without it."""
    from tests.helpers import git

    assert ACTION["inputs"]["config-ref"]["default"] == "base"
    fake, url = github
    origin = tmp_path / "origin"
    origin.mkdir()
    git(origin, "init", "-q", "-b", "main")
    budget = "version: 1\nbudgets:\n  - name: total\n    monthly_limit: %s\n    severity: block\n"
    (origin / "costgate.yml").write_text(budget % 1)
    shutil.copy(EXAMPLE_PLAN, origin / "plan.json")
    git(origin, "add", "-A")
    git(origin, "commit", "-q", "-m", "base: a $1 cap")
    repo = tmp_path / "pr"
    subprocess.run(["git", "clone", "-q", str(origin), str(repo)], check=True, capture_output=True)
    git(repo, "checkout", "-q", "-b", "loosen")
    (repo / "costgate.yml").write_text(budget % 1000000)
    git(repo, "commit", "-q", "-am", "pr: raise my own cap")
    step = next(s for s in ACTION["runs"]["steps"] if s.get("id") == "costgate")
    bindir = tmp_path / "bin"
    bindir.mkdir()
    (bindir / "costgate").write_text(f'#!/bin/sh\nexec "{sys.executable}" -m costgate "$@"\n')
    (bindir / "costgate").chmod(0o755)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GITHUB_", "CI_", "COSTGATE_"))}
    env.update(
        {
            "COSTGATE_BIN": str(bindir),
            "GITHUB_TOKEN": TOKEN,
            "GITHUB_API_URL": url,
            "GITHUB_REPOSITORY": "o/r",
            "GITHUB_RUN_ID": "79",
            "PYTHONPATH": str(REPO),
            "GITHUB_BASE_REF": "main",
            "HOME": str(tmp_path),
            "COSTGATE_CACHE_DIR": os.environ.get("COSTGATE_CACHE_DIR", str(tmp_path / "cache")),
            "COSTGATE_PLANS": "plan.json",
            "COSTGATE_CONFIG": "costgate.yml",
            "COSTGATE_CONFIG_REF": config_ref,
            "COSTGATE_USAGE_FILE": "",
            "COSTGATE_USAGE_PROFILE": "",
            "COSTGATE_FREE_TIER": "false",
            "COSTGATE_BEHAVIOR": "update",
            "COSTGATE_FAIL_ON": "block",
            "COSTGATE_PULL_REQUEST": "1",
            "COSTGATE_COMMIT_SHA": "",
            "COSTGATE_TAG": "",
            "COSTGATE_STATUS": "false",
            "COSTGATE_FETCH_PRICES": "never",
        }
    )
    proc = subprocess.run(
        ["bash", "-c", step["run"]], check=False, cwd=repo, env=env, capture_output=True, text=True, timeout=120
    )
    assert TOKEN not in proc.stdout + proc.stderr
    if blocked:
        assert proc.returncode == 1, proc.stderr
        assert "from the base branch main" in proc.stderr
        assert (repo / ".costgate-base-costgate.yml").read_text() == budget % 1
    else:
        assert proc.returncode == 0, proc.stderr
    assert fake.costgate_comments()  # the comment is posted either way
