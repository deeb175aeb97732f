"""Branch diffs through the real CLI, checked against Terraform's own diff of the same change.

A git repository gets two commits of one configuration (a root module calling a local module).
Terraform plans each commit, and plans the second against the state the first would leave
(scripts/make_fixtures.state_from_plan): that is the diff Terraform itself gives. costgate must
give the same per-resource before/after costs from the two plans (`--base-plan`) and from the
files alone (`--path --compare-to`). Tests that need Terraform skip without it or its provider
mirror; the HCL side skips until the HCL reader is installed.
"""

from __future__ import annotations

import importlib.util
import json
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import REPO, git, run_cli, write_tree

PROVIDER = """provider "aws" {
  region                      = "us-east-1"
  access_key                  = "mock"
  secret_key                  = "mock"
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
  skip_region_validation      = true
}
"""
STORE = """variable "size" {
  type = number
}

resource "aws_ebs_volume" "data" {
  availability_zone = "us-east-1a"
  size              = var.size
  type              = "gp2"
}
"""
BASE = {
    "infra/main.tf": PROVIDER
    + """
resource "aws_instance" "web" {
  ami           = "ami-0abcdef1234567890"
  instance_type = "m5.large"
}

module "store" {
  source = "../modules/store"
  size   = 100
}

resource "aws_nat_gateway" "gone" {
  allocation_id = "eipalloc-0123456789abcdef0"
  subnet_id     = "subnet-0a1b2c3d4e5f60718"
}
""",
    "modules/store/main.tf": STORE,
    "other/main.tf": PROVIDER + '\nresource "aws_eip" "ip" {\n  domain = "vpc"\n}\n',
}
HEAD = {
    "infra/main.tf": PROVIDER
    + """
resource "aws_instance" "web" {
  ami           = "ami-0abcdef1234567890"
  instance_type = "m5.xlarge"
}

module "store" {
  source = "../modules/store"
  size   = 200
}

resource "aws_instance" "new" {
  ami           = "ami-0abcdef1234567890"
  instance_type = "c5.large"
}
""",
}
EXPECTED_KINDS = {
    "aws_instance.web": "kept",
    "module.store.aws_ebs_volume.data": "kept",
    "aws_nat_gateway.gone": "delete",
    "aws_instance.new": "create",
}


def _load_make_fixtures() -> Any:
    """scripts/make_fixtures.py, imported by path (scripts/ is not a package)."""
    if "make_fixtures" in sys.modules:
        return sys.modules["make_fixtures"]
    spec = importlib.util.spec_from_file_location("make_fixtures", REPO / "scripts" / "make_fixtures.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


def _commit(repo: Path, files: dict[str, str], message: str) -> None:
    write_tree(repo, files)
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message)


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository: commit 1 is BASE, commit 2 (HEAD) changes infra/ only."""
    root = tmp_path_factory.mktemp("branch") / "repo"
    root.mkdir()
    git(root, "init", "-q", "-b", "main")
    _commit(root, BASE, "base")
    _commit(root, HEAD, "head")
    return root


@pytest.fixture(scope="module")
def plans(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """base, head and terraform-diff plans made by Terraform (skips without it)."""
    mf = _load_make_fixtures()
    if shutil.which("terraform") is None or mf.find_mirror() is None:
        pytest.skip("terraform or the provider mirror is absent")
    out = tmp_path_factory.mktemp("plans")
    trees = {"base": BASE, "head": {**BASE, **HEAD}}
    made: dict[str, Path] = {}
    with mf.toolchain() as tc:
        assert tc is not None
        for side, files in [("base", trees["base"]), ("head", trees["head"]), ("terraform", trees["head"])]:
            with tempfile.TemporaryDirectory(prefix="costgate-branch-") as tmp:
                work = Path(tmp)
                write_tree(work, files)
                if side == "terraform":  # the head planned against what the base would leave running
                    state = mf.state_from_plan(json.loads(made["base"].read_text()))
                    (work / "infra" / "terraform.tfstate").write_text(json.dumps(state))
                infra = work / "infra"
                mf._run(tc, ["init", "-input=false", "-no-color"], cwd=infra)
                mf._run(tc, ["plan", "-refresh=false", "-input=false", "-no-color", "-out=plan.bin"], cwd=infra)
                target = out / side / "infra" / "plan.json"  # named infra, like the folder
                target.parent.mkdir(parents=True)
                target.write_text(mf.normalise_plan(mf._run(tc, ["show", "-json", "plan.bin"], cwd=infra)))
                made[side] = target
    return made


def _diff(*argv: str) -> dict[str, Any]:
    result = run_cli("diff", *argv, "--format", "json", "--max-catalog-age-days", "0")
    assert result.code == 0, result.err
    doc: dict[str, Any] = json.loads(result.out)
    return doc


def _summary(doc: dict[str, Any]) -> dict[str, tuple[str, float, float]]:
    """address -> (create | delete | kept, before, after): what a diff says, replace and update alike
    (Terraform decides replace-or-update from the provider schema; the cost is the same)."""
    out = {}
    for project in doc["projects"]:
        for r in project["resources"]:
            kind = {"create": "create", "delete": "delete"}.get(r["action"], "kept")
            out[r["address"]] = (kind, round(r["before_monthly_cost"], 6), round(r["monthly_cost"], 6))
    return out


def _check_expected(summary: dict[str, tuple[str, float, float]]) -> None:
    """What the change is, independent of any second run: the kinds, and the sizes that doubled."""
    assert {a: k for a, (k, _, _) in summary.items()} == EXPECTED_KINDS
    _, web_before, web_after = summary["aws_instance.web"]
    assert web_before > 0 and web_after > web_before  # m5.large -> m5.xlarge (the root volume stays)
    _, vol_before, vol_after = summary["module.store.aws_ebs_volume.data"]
    assert vol_before > 0 and vol_after == pytest.approx(2 * vol_before)  # 100 GB -> 200 GB of gp2
    assert summary["aws_nat_gateway.gone"][1] > 0 and summary["aws_nat_gateway.gone"][2] == 0
    assert summary["aws_instance.new"][1] == 0 and summary["aws_instance.new"][2] > 0


def test_base_plan_diff_equals_terraforms_own_diff(plans: dict[str, Path]) -> None:
    ours = _summary(_diff("--plan", str(plans["head"]), "--base-plan", str(plans["base"])))
    terraforms = _summary(_diff("--plan", str(plans["terraform"])))
    _check_expected(ours)
    assert ours == terraforms


needs_hcl = pytest.mark.skipif(
    importlib.util.find_spec("costgate.iac.hcl") is None, reason="the HCL reader is not installed"
)


@needs_hcl
def test_branch_diff_equals_the_plan_mode_diff(repo: Path, plans: dict[str, Path]) -> None:
    branch = _diff("--path", str(repo / "infra"), "--compare-to", "HEAD~1")
    assert [(p["name"], p["source"]) for p in branch["projects"]] == [("infra", "hcl")]
    _check_expected(_summary(branch))
    plan_mode = _diff("--plan", str(plans["head"]), "--base-plan", str(plans["base"]))
    assert _summary(branch) == _summary(plan_mode)
    assert branch["totals"] == pytest.approx(plan_mode["totals"])


@needs_hcl
def test_branch_diff_without_terraform(repo: Path) -> None:
    _check_expected(_summary(_diff("--path", str(repo / "infra"), "--compare-to", "HEAD~1")))


@needs_hcl
def test_monorepo_changed_only_prices_the_changed_project(repo: Path) -> None:
    everything = _diff("--path", str(repo), "--compare-to", "HEAD~1")
    assert sorted(p["name"] for p in everything["projects"]) == [
        "infra",
        "other",
    ]  # modules/store is called: no project
    changed = _diff("--path", str(repo), "--compare-to", "HEAD~1", "--changed-only")
    assert [p["name"] for p in changed["projects"]] == ["infra"]
    assert changed["totals"]["delta"] == pytest.approx(everything["totals"]["delta"])  # other/ did not change


def _snapshot(repo: Path) -> tuple[str, str, str, bytes, str]:
    return (
        git(repo, "rev-parse", "HEAD"),
        git(repo, "status", "--porcelain"),
        git(repo, "worktree", "list"),
        (repo / ".git" / "index").read_bytes(),
        (repo / "infra" / "main.tf").read_text(),
    )


def test_compare_to_never_touches_the_checkout_even_when_reading_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    _commit(repo, {**BASE, "infra/broken.tf": 'resource "aws_eip" "x" {\n  domain = \n'}, "base with a syntax error")
    (repo / "infra" / "broken.tf").unlink()
    _commit(repo, HEAD, "head")
    (repo / "infra" / "main.tf").write_text(HEAD["infra/main.tf"] + "# uncommitted edit\n")
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    before = _snapshot(repo)
    result = run_cli("diff", "--path", str(repo / "infra"), "--compare-to", "HEAD~1")
    assert result.code == 2 and len(result.err.strip().splitlines()) == 1, result.err
    assert "costgate-base-" not in result.err  # an error in the base names the repository's path, not the temp copy
    assert _snapshot(repo) == before
    assert list(scratch.iterdir()) == []  # the base's files are gone, error or not


@needs_hcl
def test_branch_comment_equals_the_plan_mode_comment(repo: Path, plans: dict[str, Path]) -> None:
    branch = run_cli(
        "comment",
        "github",
        "--dry-run",
        "--path",
        str(repo / "infra"),
        "--compare-to",
        "HEAD~1",
        "--max-catalog-age-days",
        "0",
    )
    plan_mode = run_cli(
        "comment",
        "github",
        "--dry-run",
        "--plan",
        str(plans["head"]),
        "--base-plan",
        str(plans["base"]),
        "--max-catalog-age-days",
        "0",
    )
    assert branch.code == plan_mode.code == 0, branch.err + plan_mode.err
    assert "aws\\_nat\\_gateway.gone" in branch.out and "incomplete" not in branch.out
    assert branch.out.replace("--path DIR --compare-to REF", "--plan PLAN --base-plan BASE") == plan_mode.out


@needs_hcl
def test_check_gates_the_changed_config_projects_of_a_branch(repo: Path, tmp_path: Path) -> None:
    config = tmp_path / "costgate.yml"
    config.write_text(
        f"projects:\n  - name: web\n    path: {repo / 'infra'}\n  - name: ip\n    path: {repo / 'other'}\n"
        "budgets:\n  - name: per-change\n    max_increase: 10\n"
    )
    result = run_cli(
        "check",
        "--config",
        str(config),
        "--compare-to",
        "HEAD~1",
        "--changed-only",
        "--format",
        "json",
        "--max-catalog-age-days",
        "0",
    )
    assert result.code == 1, result.err  # the branch adds more than $10 a month: blocked
    doc = json.loads(result.out)
    assert [p["name"] for p in doc["estimate"]["projects"]] == ["web"]  # other/ did not change
    assert doc["gate"]["verdict"] == "block"
    assert [f["code"] for f in doc["gate"]["findings"] if f["severity"] == "block"] == ["budget:per-change"]
