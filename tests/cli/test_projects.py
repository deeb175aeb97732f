"""How options and costgate.yml become project inputs (parsed by the real CLI parser).

Reading the folders is the HCL reader's job; these tests stop at the list of inputs: which
projects, named how, with which var files, variables, usage file and base side.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from costgate.cli.main import build_parser
from costgate.cli.projects import changed_only, git_base, project_inputs
from costgate.config import load_config
from costgate.iac.discover import ModuleGraph
from costgate.project_input import InputKind
from tests.helpers import git, write_tree

TREE = {
    "envs/prod/main.tf": 'module "net" {\n  source = "../../modules/vpc"\n}\n',
    "envs/prod/prod.tfvars": "size = 3\n",
    "envs/staging/main.tf": 'module "net" {\n  source = "../../modules/vpc"\n}\n',
    "modules/vpc/main.tf": 'resource "aws_vpc" "v" {}\n',
    "tools/main.tf": 'resource "aws_eip" "x" {}\n',
    "shared.tfvars": 'region = "us-east-1"\n',
}


def parse(*argv: str) -> argparse.Namespace:
    return build_parser("breakdown").parse_args(["breakdown", *argv])


def test_path_discovers_every_root_module_once(tmp_path: Path) -> None:
    write_tree(tmp_path, TREE)
    args = parse(
        "--path",
        str(tmp_path),
        "--path",
        str(tmp_path / "envs"),
        "--var",
        "size=4",
        "--var-file",
        str(tmp_path / "shared.tfvars"),
    )
    inputs = project_inputs(args, None)
    assert [(i.kind, i.path.relative_to(tmp_path.resolve()).as_posix(), i.name) for i in inputs] == [
        (InputKind.HCL, "envs/prod", "envs/prod"),
        (InputKind.HCL, "envs/staging", "envs/staging"),
        (InputKind.HCL, "tools", "tools"),
    ]
    assert all(i.variables == {"size": "4"} and i.var_files == (tmp_path / "shared.tfvars",) for i in inputs)
    assert all(i.base is None for i in inputs)


def test_config_projects_replace_discovery_under_their_folder(tmp_path: Path) -> None:
    write_tree(
        tmp_path,
        {
            **TREE,
            "usage.yml": "version: 0.1\n",
            "costgate.yml": """
projects:
  - name: prod
    path: envs/prod
    var_files: [envs/prod/prod.tfvars]
    vars: {replicas: 3, tags: {team: a}, enabled: true, name: web}
    usage_file: usage.yml
    workspace: blue
  - name: planned
    plan: plans/tools.json
""",
        },
    )
    loaded = load_config(tmp_path / "costgate.yml")
    (prod,) = project_inputs(parse("--path", str(tmp_path / "envs"), "--var", "name=api"), loaded)
    assert (prod.kind, prod.name, prod.path) == (InputKind.HCL, "prod", tmp_path.resolve() / "envs" / "prod")
    assert prod.var_files == (tmp_path.resolve() / "envs" / "prod" / "prod.tfvars",)
    assert prod.variables == {"replicas": "3", "tags": '{"team": "a"}', "enabled": "true", "name": "api"}  # --var wins
    assert (prod.usage_file, prod.workspace) == (tmp_path.resolve() / "usage.yml", "blue")
    everything = project_inputs(parse(), loaded)  # no --plan/--path: the config's projects, a plan where given
    assert [(i.name, i.kind) for i in everything] == [("prod", InputKind.HCL), ("planned", InputKind.PLAN)]
    assert everything[1].path == tmp_path.resolve() / "plans" / "tools.json"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    root.mkdir()
    git(root, "init", "-q", "-b", "main")
    write_tree(root, {**TREE, "old/main.tf": 'resource "aws_eip" "gone" {}\n'})
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "base")
    return root


def _changed(root: Path, *argv: str) -> list[str]:
    args = parse("--path", str(root), "--compare-to", "HEAD", "--changed-only", *argv)
    graph = ModuleGraph()
    with git_base(args, None) as base:
        assert base is not None
        return [i.name for i in changed_only(project_inputs(args, None, base=base, graph=graph), base, graph)]


def test_changed_only_follows_local_modules_and_var_files(repo: Path) -> None:
    assert _changed(repo) == []
    (repo / "modules" / "vpc" / "main.tf").write_text('resource "aws_vpc" "v" {\n  cidr_block = "10.0.0.0/16"\n}\n')
    assert _changed(repo) == ["envs/prod", "envs/staging"]  # both call modules/vpc
    git(repo, "stash", "-q")
    (repo / "envs" / "prod" / "prod.tfvars").write_text("size = 4\n")  # belongs to envs/prod, not to envs/
    assert _changed(repo) == ["envs/prod"]
    git(repo, "checkout", "-q", "--", ".")
    assert _changed(repo, "--var-file", str(repo / "shared.tfvars")) == []
    (repo / "shared.tfvars").write_text('region = "eu-west-1"\n')  # a var file every project reads
    assert len(_changed(repo, "--var-file", str(repo / "shared.tfvars"))) == 4


def test_compare_to_pairs_each_root_with_its_base_side(repo: Path) -> None:
    (repo / "old" / "main.tf").unlink()
    (repo / "old").rmdir()
    write_tree(repo, {"new/main.tf": 'resource "aws_eip" "n" {}\n'})
    args = parse("--path", str(repo), "--compare-to", "HEAD")
    with git_base(args, None) as base:
        assert base is not None
        inputs = {i.path.name: i for i in project_inputs(args, None, base=base)}
        assert sorted(inputs) == ["new", "old", "prod", "staging", "tools"]
        assert (inputs["old"].head_missing, inputs["old"].base_missing) == (True, False)
        assert (inputs["new"].head_missing, inputs["new"].base_missing) == (False, True)
        prod = inputs["prod"]
        assert prod.base is not None and prod.base.path == base.files / "envs" / "prod" and prod.base_label == "HEAD"
        assert (prod.base.path / "main.tf").read_text() == TREE["envs/prod/main.tf"]
        files = base.files
    assert not files.exists()


def test_a_config_folder_on_neither_side_is_an_error_and_installed_modules_are_shared(repo: Path) -> None:
    from costgate.errors import ReaderError

    write_tree(
        repo,
        {
            "costgate.yml": "projects:\n  - name: typo\n    path: envs/prd\n",
            "envs/prod/.terraform/modules/modules.json": '{"Modules": []}\n',
        },
    )
    loaded = load_config(repo / "costgate.yml")
    args = parse("--compare-to", "HEAD", "--config", str(repo / "costgate.yml"))
    with (
        git_base(args, loaded) as base,
        pytest.raises(
            ReaderError,
            match=r"envs/prd: no \.tf files here, neither in the "
            r"working tree nor at HEAD",
        ),
    ):
        assert base is not None
        project_inputs(args, loaded, base=base)
    args = parse("--path", str(repo / "envs" / "prod"), "--compare-to", "HEAD")
    with git_base(args, None) as base:
        assert base is not None
        (prod,) = project_inputs(args, None, base=base)
        assert prod.base is not None
        linked = prod.base.path / ".terraform"
        assert linked.is_symlink() and linked.resolve() == (repo / "envs" / "prod" / ".terraform").resolve()
