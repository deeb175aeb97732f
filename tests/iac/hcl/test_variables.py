"""Root variable values in HCL mode: every source in Terraform's order, and type conversion."""

from __future__ import annotations

from pathlib import Path

import pytest

from costgate.errors import HclReaderError
from costgate.iac.hcl import HclReader

CONFIG = """
variable "a" { default = "default" }
variable "b" { default = "default" }
variable "c" { default = "default" }
variable "d" { default = "default" }
variable "e" { default = "default" }
variable "n" {
  type    = number
  default = 1
}
variable "tags" {
  type    = map(string)
  default = {}
}
variable "obj" {
  type    = object({ size = string, count = optional(number, 2) })
  default = { size = "s" }
}
resource "aws_sqs_queue" "q" {
  name = join(",", [var.a, var.b, var.c, var.d, var.e])
  delay_seconds = var.n + 1
  tags = merge(var.tags, { size = var.obj.size, count = var.obj.count })
}
"""


def _values(tmp_path: Path, **kwargs: object) -> dict[str, object]:
    (tmp_path / "main.tf").write_text(CONFIG)
    result = HclReader(**kwargs).read(tmp_path)  # type: ignore[arg-type]
    return dict(result.resources[0].values)


def test_sources_in_terraform_order(tmp_path: Path) -> None:
    (tmp_path / "terraform.tfvars").write_text('b = "tfvars"\nc = "tfvars"\nd = "tfvars"\ne = "tfvars"\n')
    (tmp_path / "terraform.tfvars.json").write_text('{"c": "tfvars.json", "d": "tfvars.json", "e": "tfvars.json"}')
    (tmp_path / "a.auto.tfvars").write_text('d = "auto-a"\ne = "auto-a"\n')
    (tmp_path / "b.auto.tfvars").write_text('e = "auto-b"\n')
    extra = tmp_path / "extra.tfvars"
    extra.write_text('e = "var-file"\n')
    env = {"TF_VAR_a": "env", "TF_VAR_b": "env", "TF_VAR_n": "41"}
    assert _values(tmp_path, env=env)["name"] == "env,tfvars,tfvars.json,auto-a,auto-b"
    assert _values(tmp_path, env=env, var_files=[extra])["name"] == "env,tfvars,tfvars.json,auto-a,var-file"
    got = _values(tmp_path, env=env, var_files=[extra], variables={"e": "flag", "a": "flag"})
    assert got["name"] == "flag,tfvars,tfvars.json,auto-a,flag"
    assert got["delay_seconds"] == 42


def test_text_values_convert_to_the_declared_type(tmp_path: Path) -> None:
    got = _values(tmp_path, env={}, variables={"n": "2.5", "tags": '{ env = "prod", n = 3 }', "obj": '{ size = "m" }'})
    assert got["delay_seconds"] == 3.5
    assert got["tags"] == {"env": "prod", "n": "3", "size": "m", "count": "2"}  # tags are map(string)


@pytest.mark.parametrize(
    ("variables", "message"),
    [
        ({"n": "many"}, "--var n: invalid value for variable 'n'"),
        ({"obj": "{ count = 1 }"}, "--var obj: invalid value for variable 'obj': attribute 'size' is required"),
    ],
)
def test_values_that_do_not_convert_are_bad_input(tmp_path: Path, variables: dict[str, str], message: str) -> None:
    with pytest.raises(HclReaderError) as info:
        _values(tmp_path, env={}, variables=variables)
    assert str(info.value).startswith(message)


def test_undeclared_values_are_warned_about_not_fatal(tmp_path: Path) -> None:
    (tmp_path / "main.tf").write_text(CONFIG)
    (tmp_path / "terraform.tfvars").write_text("zzz = 1\n")
    result = HclReader(env={}, variables={"yyy": "1"}).read(tmp_path)
    assert any("undeclared variable 'zzz'" in w for w in result.warnings)
    assert any("--var yyy" in w for w in result.warnings)
