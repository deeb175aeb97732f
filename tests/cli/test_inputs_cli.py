"""Project inputs through the real CLI: --base-plan, and every bad combination of input flags.

The before side of `--base-plan` is the base plan's planned state, the after side the plan's:
both are checked against what costgate prices for each plan on its own, so a wiring mix-up
(before and after swapped, the plan's own prior state used) shows.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers import EXAMPLE_PLAN, FIXTURES, git, run_cli, write_tree

BASE_PLAN = FIXTURES / "plans" / "update_instance" / "plan.json"  # aws_instance.app becomes m5.xlarge


def _json(*argv: str) -> dict:
    result = run_cli(*argv, "--format", "json", "--max-catalog-age-days", "0")
    assert result.code == 0, result.err
    return json.loads(result.out)


def test_base_plan_diff_prices_the_base_plans_after_state_as_before() -> None:
    doc = _json("diff", "--plan", str(EXAMPLE_PLAN), "--base-plan", str(BASE_PLAN))
    (project,) = doc["projects"]
    actions = {r["address"]: r["action"] for r in project["resources"]}
    assert actions.pop("aws_instance.app") == "update"
    assert set(actions.values()) == {"create"} and len(actions) == 31
    head_alone = _json("breakdown", "--plan", str(EXAMPLE_PLAN))["totals"]
    base_alone = _json("breakdown", "--plan", str(BASE_PLAN))["totals"]
    assert doc["totals"]["after"] == pytest.approx(head_alone["after"])
    assert doc["totals"]["before"] == pytest.approx(base_alone["after"]) and base_alone["after"] > 100
    app = next(r for r in project["resources"] if r["address"] == "aws_instance.app")
    assert app["before_monthly_cost"] == pytest.approx(base_alone["after"])  # the base plan's only resource
    assert app["monthly_cost"] < app["before_monthly_cost"]  # m5.xlarge -> m5.large
    assert project["source"] == "plan" and project["path"] == str(EXAMPLE_PLAN)


def test_a_plan_against_itself_changes_nothing() -> None:
    doc = _json("diff", "--plan", str(EXAMPLE_PLAN), "--base-plan", str(EXAMPLE_PLAN))
    assert {r["action"] for r in doc["projects"][0]["resources"]} == {"no-op"}
    assert doc["totals"]["delta"] == 0 and doc["totals"]["after"] > 0


@pytest.fixture
def trees(tmp_path: Path) -> dict[str, Path]:
    """A git repository with a Terraform folder, a folder outside any repository, and files."""
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    write_tree(repo, {"infra/main.tf": 'resource "aws_eip" "a" {}\n'})
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "one")
    plain = tmp_path / "plain"
    write_tree(plain, {"main.tf": 'resource "aws_eip" "a" {}\n'})
    (tmp_path / "empty").mkdir()
    write_tree(
        tmp_path,
        {
            "projects.yml": "projects:\n  - name: only-a-name\n",
            "badvars.yml": "projects:\n  - name: a\n    path: plain\n    vars:\n      1bad: x\n",
        },
    )
    return {"repo": repo, "infra": repo / "infra", "plain": plain, "empty": tmp_path / "empty", "tmp": tmp_path}


BAD = [
    (
        ["diff", "--plan", "{plan}", "--base-plan", "{plan}", "--base-plan", "{plan}"],
        "--base-plan: give one per --plan",
    ),
    (["diff", "--plan", "{plan}", "--base-plan", "{tmp}/nope.json"], "nope.json: plan JSON file not found"),
    (["diff", "--path", "{infra}", "--changed-only"], "--changed-only needs --compare-to REF"),
    (["diff", "--plan", "{plan}", "--compare-to", "HEAD"], "--compare-to reads folders: give --path DIR"),
    (["breakdown", "--plan", "{plan}", "--var", "a=1"], "--var and --var-file apply to --path folders"),
    (["breakdown", "--path", "{tmp}/missing"], "missing: folder not found"),
    (["breakdown", "--path", "{plan}"], "is a file, not a folder"),
    (["breakdown", "--path", "{empty}"], "no .tf files in this folder or below it"),
    (["breakdown", "--path", "{plain}", "--var", "1x=2"], "'1x=2' is not NAME=VALUE"),
    (["breakdown", "--path", "{plain}", "--var", "novalue"], "'novalue' is not NAME=VALUE"),
    (["breakdown", "--path", "{plain}", "--var-file", "{tmp}/none.tfvars"], "none.tfvars: var file not found"),
    (["breakdown"], "nothing to price: give --plan PLAN_JSON or --path DIR"),
    (["check", "--config", "{tmp}/projects.yml"], "nothing to price"),
    (["breakdown", "--path", "{plain}", "--config", "{tmp}/badvars.yml"], "'1bad' is not a Terraform variable name"),
    (["diff", "--path", "{plain}", "--compare-to", "main"], "not inside a git repository"),
    (["diff", "--path", "{infra}", "--compare-to", "origin/nope"], "--compare-to origin/nope: no such commit"),
    (["comment", "github", "--dry-run", "--path", "{infra}", "--changed-only"], "--changed-only needs --compare-to"),
]


@pytest.mark.parametrize(
    ("argv", "message"),
    BAD,
    ids=[" ".join(a[:1] + [x for x in a[1:] if x.startswith("--")]) + f" #{i}" for i, (a, _) in enumerate(BAD)],
)
def test_bad_input_is_one_line_and_exit_2(argv: list[str], message: str, trees: dict[str, Path]) -> None:
    values = {k: str(v) for k, v in trees.items()} | {"plan": str(EXAMPLE_PLAN)}
    result = run_cli(*[a.format(**values) for a in argv])
    assert result.code == 2, result.out
    lines = [line for line in result.err.splitlines() if line.strip()]
    assert len(lines) == 1 and message in lines[0], result.err
    assert "Traceback" not in result.err


def test_changed_only_with_nothing_changed_says_so_and_passes(trees: dict[str, Path]) -> None:
    result = run_cli(
        "diff",
        "--path",
        str(trees["repo"]),
        "--compare-to",
        "HEAD",
        "--changed-only",
        "--format",
        "json",
        "--max-catalog-age-days",
        "0",
    )
    assert result.code == 0, result.err
    assert (
        result.err.splitlines()[0] == "costgate: note: no project changed since HEAD (--changed-only); nothing to price"
    )
    doc = json.loads(result.out)
    assert doc["projects"] == [] and doc["totals"]["delta"] == 0


def test_comment_and_check_take_the_base_plan_too() -> None:
    from costgate.money import money

    doc = _json("diff", "--plan", str(EXAMPLE_PLAN), "--base-plan", str(BASE_PLAN))
    comment = run_cli(
        "comment",
        "github",
        "--dry-run",
        "--plan",
        str(EXAMPLE_PLAN),
        "--base-plan",
        str(BASE_PLAN),
        "--max-catalog-age-days",
        "0",
    )
    assert comment.code == 0, comment.err
    from decimal import Decimal

    assert money(Decimal(str(doc["totals"]["before"]))) in comment.out  # the base plan's cost is the "previous" figure
    check = run_cli(
        "check",
        "--plan",
        str(EXAMPLE_PLAN),
        "--base-plan",
        str(BASE_PLAN),
        "--format",
        "json",
        "--max-catalog-age-days",
        "0",
    )
    assert check.code == 0, check.err
    assert json.loads(check.out)["estimate"]["totals"]["before"] == pytest.approx(doc["totals"]["before"])
