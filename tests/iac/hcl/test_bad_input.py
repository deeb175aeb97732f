"""Bad input in HCL mode: one line naming the file (and line and column), never a traceback."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from costgate.errors import HclReaderError
from costgate.iac.hcl import HclReader


@pytest.mark.parametrize(
    ("text", "pattern"),
    [
        ('resource "aws_instance" "x" {\n  ami = \n}\n', r"main\.tf:2:\d+: syntax error: unexpected"),
        ('resource "aws_instance" "x" {\n  ami = "a"\n', r"main\.tf:\d+:\d+: syntax error: unexpected end of file"),
        ("locals {\n  x = [1, 2\n}\n", r"main\.tf:\d+:\d+: syntax error"),
        ('locals {\n  x = "unterminated\n}\n', r"main\.tf:\d+:\d+: syntax error"),
        ('resource "aws_eip" "x" {}\n}\n', r"main\.tf:2:1: syntax error: unexpected '}'"),
        ("x = = 1\n", r"main\.tf:1:\d+: syntax error"),
    ],
)
def test_syntax_errors_name_file_line_and_column(tmp_path: Path, text: str, pattern: str) -> None:
    (tmp_path / "main.tf").write_text(text)
    with pytest.raises(HclReaderError) as info:
        HclReader(env={}).read(tmp_path)
    message = str(info.value)
    assert "\n" not in message
    assert re.search(pattern, message), message
    assert message.startswith(str(tmp_path))


def test_a_missing_directory_and_one_without_tf_files(tmp_path: Path) -> None:
    with pytest.raises(HclReaderError, match="directory not found"):
        HclReader(env={}).read(tmp_path / "nope")
    with pytest.raises(HclReaderError, match=r"no \.tf files"):
        HclReader(env={}).read(tmp_path)
    (tmp_path / "plan.json").write_text("{}")
    with pytest.raises(HclReaderError, match="not a directory"):
        HclReader(env={}).read(tmp_path / "plan.json")


def test_a_broken_var_file_is_named(tmp_path: Path) -> None:
    (tmp_path / "main.tf").write_text('variable "a" {}\n')
    (tmp_path / "terraform.tfvars").write_text("a = [\n")
    with pytest.raises(HclReaderError, match=r"terraform\.tfvars:\d+:\d+: syntax error"):
        HclReader(env={}).read(tmp_path)
    (tmp_path / "terraform.tfvars").unlink()
    with pytest.raises(HclReaderError, match=r"missing\.tfvars: var file not found"):
        HclReader(env={}, var_files=[tmp_path / "missing.tfvars"]).read(tmp_path)


@pytest.mark.parametrize(
    "text",
    [
        'locals {\n  a = local.b\n  b = local.a\n}\nresource "aws_eip" "x" { tags = { a = local.a } }\n',
        'resource "aws_eip" "x" {\n  count = "many"\n}\n',
        'resource "aws_eip" "x" {\n  for_each = ["a", "b"]\n}\n',
        'resource "aws_eip" "x" {\n  tags = { a = [1][5], b = undeclared_thing.x.y, c = var.nope }\n}\n',
        'resource "aws_eip" "x" {\n  count = -1\n}\n',
        'locals {\n  x = "${[1, 2]}"\n  y = { for v in ["a", "a"] : v => 1 }\n}\nresource "aws_eip" "x" { tags = local }\n',
        'resource "aws_eip" "x" {\n  tags = { a = file("nope.txt"), b = templatefile("nope.tpl", {}) }\n}\n',
        'module "m" { source = var.where }\nvariable "where" {}\n',
        'resource "aws_eip" "x" {\n  dynamic "tag" {\n    for_each = 5\n    content { key = tag.value }\n  }\n}\n',
    ],
)
def test_configurations_terraform_would_refuse_are_reported_not_raised(tmp_path: Path, text: str) -> None:
    (tmp_path / "main.tf").write_text(text)
    result = HclReader(env={}).read(tmp_path)
    assert result.unknowns or result.warnings or any(r.unknown for r in result.resources)


def test_blocks_without_their_labels_are_warned_about(tmp_path: Path) -> None:
    (tmp_path / "main.tf").write_text('resource "aws_eip" {}\nvariable {}\n')
    result = HclReader(env={}).read(tmp_path)
    assert result.resources == []
    assert any("main.tf:1:1: a resource block needs 2 labels" in w for w in result.warnings)


def test_local_cycles_are_named(tmp_path: Path) -> None:
    (tmp_path / "main.tf").write_text(
        'locals {\n  a = local.b\n  b = local.a\n}\nresource "aws_eip" "x" { tags = { a = local.a } }\n'
    )
    result = HclReader(env={}).read(tmp_path)
    assert any("cycle: local.a -> local.b -> local.a" in u for u in result.unknowns)


def test_absurd_nesting_is_reported_not_a_crash(tmp_path: Path) -> None:
    text = "locals {\n  x = " + "[" * 3000 + "]" * 3000 + "\n}\n"
    text += "".join(f"locals {{ l{i} = local.l{i + 1} }}\n" for i in range(2000)) + "locals { l2000 = 1 }\n"
    text += 'resource "aws_eip" "e" { tags = { a = local.l0, b = length(local.x) } }\n'
    (tmp_path / "main.tf").write_text(text)
    result = HclReader(env={}).read(tmp_path)
    assert "tags" in result.resources[0].unknown
    assert any("nested too deeply" in w for w in result.warnings)


def test_a_count_terraform_would_refuse_is_reported_as_an_error_not_a_dependency(tmp_path: Path) -> None:
    (tmp_path / "main.tf").write_text('resource "aws_eip" "x" {\n  count = [1][5]\n}\n')
    result = HclReader(env={}).read(tmp_path)
    assert result.resources == []
    assert len(result.unknowns) == 1
    assert re.match(
        r"aws_eip\.x: count cannot be evaluated \(.*main\.tf:2:\d+\): index 5 is out of range", result.unknowns[0]
    )


@pytest.mark.parametrize(
    ("count", "reason"),
    [
        ("100000000", "count is 100000000, more than the 100,000 instances costgate expands"),
        ("1e999", "count is inf, more than the 100,000 instances costgate expands"),
        ("-1e999", "count must be a whole number >= 0, got -inf"),
    ],
)
def test_a_huge_or_infinite_count_is_unknown_not_expanded(tmp_path: Path, count: str, reason: str) -> None:
    from tests.helpers import run_cli

    (tmp_path / "main.tf").write_text(f'resource "aws_nat_gateway" "r0" {{\n  count = {count}\n}}\n')
    run = run_cli("breakdown", "--path", str(tmp_path), "--format", "json", "--max-catalog-age-days", "0")
    assert run.code == 0 and "internal error" not in run.err
    assert reason in run.out


def test_an_infinite_number_where_a_string_belongs_is_not_a_crash(tmp_path: Path) -> None:
    from tests.helpers import run_cli

    (tmp_path / "main.tf").write_text(
        'resource "aws_db_instance" "r0" {\n  engine = 1e999\n  instance_class = "db.t3.micro"\n}\n'
    )
    run = run_cli("breakdown", "--path", str(tmp_path), "--format", "json", "--max-catalog-age-days", "0")
    assert run.code == 0 and "internal error" not in run.err
