"""--path through the real CLI: variables, var files, config projects and monorepo discovery.

The HCL reader evaluates the folders; these tests check that every flag and config key reaches
it and that the results come back as projects (skipped until the HCL reader is installed).
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import run_cli, write_tree

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("costgate.iac.hcl") is None, reason="the HCL reader is not installed"
)

APP = """variable "size" {
  type    = string
  default = "t3.micro"
}

variable "replicas" {
  type    = number
  default = 1
}

provider "aws" {
  region = "us-east-1"
}

resource "aws_instance" "app" {
  count         = var.replicas
  ami           = "ami-0abcdef1234567890"
  instance_type = var.size
}
"""


def _run(*argv: str) -> dict[str, Any]:
    result = run_cli(*argv, "--format", "json", "--max-catalog-age-days", "0")
    assert result.code == 0, result.err
    doc: dict[str, Any] = json.loads(result.out)
    return doc


def _types(doc: dict[str, Any]) -> dict[str, str]:
    return {r["address"]: r["components"][0]["name"] for p in doc["projects"] for r in p["resources"]}


def test_var_file_then_var_reach_the_reader(tmp_path: Path) -> None:
    write_tree(tmp_path, {"app/main.tf": APP, "prod.tfvars": 'size = "m5.large"\nreplicas = 2\n'})
    doc = _run(
        "breakdown", "--path", str(tmp_path / "app"), "--var-file", str(tmp_path / "prod.tfvars"), "--var", "replicas=3"
    )
    (project,) = doc["projects"]
    assert (project["name"], project["source"], project["path"]) == ("app", "hcl", str(tmp_path / "app"))
    assert sorted(_types(doc)) == ["aws_instance.app[0]", "aws_instance.app[1]", "aws_instance.app[2]"]
    assert all("m5.large" in name for name in _types(doc).values())


def test_config_projects_carry_their_own_variables(tmp_path: Path) -> None:
    write_tree(
        tmp_path,
        {
            "envs/prod/main.tf": 'module "app" {\n  source = "../../modules/app"\n  size = var.size\n}\n'
            'variable "size" {\n  type = string\n}\n',
            "envs/dev/main.tf": 'module "app" {\n  source = "../../modules/app"\n  size = "t3.micro"\n}\n',
            "modules/app/main.tf": APP.replace('provider "aws" {\n  region = "us-east-1"\n}\n', ""),
            "costgate.yml": "projects:\n  - name: prod\n    path: envs/prod\n    vars: {size: c5.xlarge}\n"
            "  - name: dev\n    path: envs/dev\n",
        },
    )
    doc = _run("breakdown", "--path", str(tmp_path), "--config", str(tmp_path / "costgate.yml"))
    assert [(p["name"], p["source"]) for p in doc["projects"]] == [("prod", "hcl"), ("dev", "hcl")]
    prod, dev = (_types({"projects": [p]}) for p in doc["projects"])
    assert "c5.xlarge" in prod["module.app.aws_instance.app[0]"] and "t3.micro" in dev["module.app.aws_instance.app[0]"]
    without_config = _run("breakdown", "--path", str(tmp_path), "--var", "size=m5.large")
    assert [p["name"] for p in without_config["projects"]] == [
        "envs/dev",
        "envs/prod",
    ]  # modules/app is called: no project


def test_a_plan_and_a_folder_in_one_run_add_up(tmp_path: Path) -> None:
    from tests.helpers import EXAMPLE_PLAN

    write_tree(tmp_path, {"app/main.tf": APP})
    both = _run("breakdown", "--plan", str(EXAMPLE_PLAN), "--path", str(tmp_path / "app"))
    assert [p["source"] for p in both["projects"]] == ["plan", "hcl"]
    assert both["totals"]["after"] == pytest.approx(sum(p["totals"]["after"] for p in both["projects"]))


WORKSPACE_APP = """provider "aws" {
  region = "us-east-1"
}

resource "aws_instance" "app" {
  count         = terraform.workspace == "prod" ? 2 : 1
  ami           = "ami-12345678"
  instance_type = "${terraform.workspace == "prod" ? "m5" : "t3"}.large"
}
"""


def test_a_config_workspace_is_terraform_workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TF_WORKSPACE", raising=False)
    write_tree(
        tmp_path,
        {
            "app/main.tf": WORKSPACE_APP,
            "costgate.yml": "projects:\n  - name: app\n    path: app\n    workspace: prod\n",
        },
    )
    doc = _run("breakdown", "--path", str(tmp_path / "app"), "--config", str(tmp_path / "costgate.yml"))
    project = doc["projects"][0]
    assert project["warnings"] == []
    assert [r["address"] for r in project["resources"]] == ["aws_instance.app[0]", "aws_instance.app[1]"]
    assert all("m5.large" in json.dumps(r) for r in project["resources"])
    plain = _run("breakdown", "--path", str(tmp_path / "app"))
    assert [r["address"] for r in plain["projects"][0]["resources"]] == ["aws_instance.app[0]"]
    assert "t3.large" in json.dumps(plain["projects"][0]["resources"][0])


def test_path_discovers_a_tf_json_only_folder(tmp_path: Path) -> None:
    write_tree(
        tmp_path,
        {
            "cdktf.out/stacks/app/cdk.tf.json": json.dumps(
                {
                    "provider": {"aws": [{"region": "us-east-1"}]},
                    "resource": {"aws_instance": {"web": {"ami": "ami-12345678", "instance_type": "t3.micro"}}},
                }
            )
        },
    )
    doc = _run("breakdown", "--path", str(tmp_path))
    assert [p["source"] for p in doc["projects"]] == ["hcl"]
    assert [r["address"] for r in doc["projects"][0]["resources"]] == ["aws_instance.web"]
    assert doc["totals"]["after"] > 0
