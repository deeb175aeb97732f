"""`incomplete_estimate: fail-closed` blocks on what HCL mode could not evaluate (CG907), through
`costgate check --path --config`: a resource left out because its count depends on a data source
is as much a gap in the estimate as an unpriced component."""

from __future__ import annotations

import json
from pathlib import Path

from tests.helpers import run_cli, write_tree

MAIN = """provider "aws" {
  region = "us-east-1"
}

data "aws_availability_zones" "all" {}

resource "aws_instance" "web" {
  ami           = "ami-12345678"
  instance_type = "t3.micro"
}

resource "aws_instance" "az" {
  count         = length(data.aws_availability_zones.all.names)
  ami           = "ami-12345678"
  instance_type = "m5.24xlarge"
}
"""


def _check(tmp_path: Path, mode: str, main: str = MAIN) -> tuple[int, dict[str, object]]:
    write_tree(tmp_path, {"infra/main.tf": main, "costgate.yml": f"policies:\n  incomplete_estimate: {mode}\n"})
    run = run_cli(
        "check", "--path", str(tmp_path / "infra"), "--config", str(tmp_path / "costgate.yml"), "--format", "json"
    )
    assert run.code in (0, 1), run.err
    return run.code, json.loads(run.out)


def test_fail_closed_blocks_on_a_count_that_depends_on_a_data_source(tmp_path: Path) -> None:
    code, doc = _check(tmp_path, "fail-closed")
    assert code == 1
    gate = doc["gate"]
    assert isinstance(gate, dict)
    blocking = [(f["code"], f["severity"], f["message"]) for f in gate["findings"] if f["severity"] == "block"]
    assert blocking == [("CG907", "block", "aws_instance.az: count depends on data.aws_availability_zones.all")]
    assert doc["estimate"]["counts"]["unknowns"] == 1 and doc["estimate"]["counts"]["unsupported"] == 0  # type: ignore[index]
    assert doc["estimate"]["counts"]["unpriced_components"] == 0  # type: ignore[index]


def test_fail_open_reports_it_without_blocking(tmp_path: Path) -> None:
    code, doc = _check(tmp_path, "fail-open")
    assert code == 0
    gate = doc["gate"]
    assert isinstance(gate, dict)
    assert [(f["code"], f["severity"]) for f in gate["findings"] if f["code"] == "CG907"] == [("CG907", "info")]
    assert gate["verdict"] == "pass"


def test_fail_closed_passes_when_everything_is_evaluated(tmp_path: Path) -> None:
    complete = MAIN.replace("length(data.aws_availability_zones.all.names)", "0")
    code, doc = _check(tmp_path, "fail-closed", complete)
    assert code == 0, doc["gate"]
    assert doc["estimate"]["counts"]["unknowns"] == 0  # type: ignore[index]
