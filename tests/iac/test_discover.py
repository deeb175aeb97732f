"""Root-module discovery and the local-module graph (--path DIR in a monorepo, --changed-only)."""

from __future__ import annotations

from pathlib import Path

from costgate.iac.discover import ModuleGraph, discover_root_modules
from tests.helpers import write_tree

TREE = {
    "envs/prod/main.tf": 'module "net" {\n  source = "../../modules/vpc"\n}\n',
    "envs/prod/prod.tfvars": "size = 3\n",
    "envs/staging/main.tf": 'module "net" {\n  source = "../../modules/vpc"\n  cidr = "10.1.0.0/16"\n}\n',
    "modules/vpc/main.tf": 'module "subnets" {\n  source = "./subnets"\n}\n',
    "modules/vpc/subnets/main.tf": 'resource "aws_subnet" "a" {}\n',
    "modules/unused/main.tf": 'resource "aws_eip" "x" {}\n',
    # not a module call: an object's `source` is a file path, so lib/ stays a root module
    "tools/main.tf": 'resource "aws_s3_object" "o" {\n  source = "../lib"\n  bucket = "b"\n  key = "k"\n}\n',
    "lib/main.tf": 'resource "aws_eip" "y" {}\n',
    # what `terraform init` downloaded, and hidden folders: never projects
    "envs/prod/.terraform/modules/remote/main.tf": 'resource "aws_eip" "z" {}\n',
    ".github/ci/main.tf": 'resource "aws_eip" "w" {}\n',
    "docs/readme.md": "no terraform here\n",
}


def test_root_modules_are_folders_no_other_folder_calls(tmp_path: Path) -> None:
    write_tree(tmp_path, TREE)
    roots = [p.relative_to(tmp_path.resolve()).as_posix() for p in discover_root_modules(tmp_path)]
    assert roots == ["envs/prod", "envs/staging", "lib", "modules/unused", "tools"]


def test_closure_follows_local_modules_to_any_depth(tmp_path: Path) -> None:
    write_tree(tmp_path, TREE)
    closure = {p.relative_to(tmp_path.resolve()).as_posix() for p in ModuleGraph().closure(tmp_path / "envs" / "prod")}
    assert closure == {"envs/prod", "modules/vpc", "modules/vpc/subnets"}


def test_a_file_hcl2_cannot_parse_still_yields_its_local_sources(tmp_path: Path) -> None:
    write_tree(
        tmp_path,
        {
            "root/main.tf": 'module "m" {\n  source = "./child"\n  broken = [\n}\n',
            "root/child/main.tf": 'resource "aws_eip" "x" {}\n',
        },
    )
    assert [p.name for p in discover_root_modules(tmp_path)] == ["root"]


def test_a_module_cycle_ends_the_walk(tmp_path: Path) -> None:
    write_tree(
        tmp_path,
        {"a/main.tf": 'module "b" {\n  source = "../b"\n}\n', "b/main.tf": 'module "a" {\n  source = "../a"\n}\n'},
    )
    assert {p.name for p in ModuleGraph().closure(tmp_path / "a")} == {"a", "b"}
    assert discover_root_modules(tmp_path) == []


def test_a_tf_file_that_is_a_device_is_one_error_not_a_hang(tmp_path: Path) -> None:
    import pytest

    from costgate.errors import ReaderError

    write_tree(tmp_path, {"root/main.tf": 'resource "aws_eip" "x" {}\n'})
    (tmp_path / "root" / "zero.tf").symlink_to("/dev/zero")
    with pytest.raises(ReaderError, match=r"zero\.tf: is a device, not a Terraform file"):
        discover_root_modules(tmp_path)


CDKTF_STACK = """{
  "provider": {"aws": [{"region": "us-east-1"}]},
  "module": {"net": {"source": "../../modules/net"}},
  "resource": {"aws_instance": {"web": {"ami": "ami-12345678", "instance_type": "t3.micro"}}}
}
"""


def test_folders_with_only_tf_json_are_found_and_their_module_calls_followed(tmp_path: Path) -> None:
    """CDK for Terraform writes cdktf.out/stacks/<stack>/cdk.tf.json and nothing else."""
    write_tree(
        tmp_path,
        {
            "cdktf.out/stacks/app/cdk.tf.json": CDKTF_STACK,
            "cdktf.out/modules/net/main.tf.json": '{"resource": {"aws_eip": {"x": {}}}}',
            "plain/main.tf": 'resource "aws_eip" "y" {}\n',
            "notjson/cdk.tf.json": "{ not json",
        },
    )
    roots = [p.relative_to(tmp_path.resolve()).as_posix() for p in discover_root_modules(tmp_path)]
    assert roots == ["cdktf.out/stacks/app", "notjson", "plain"]
    closure = {
        p.relative_to(tmp_path.resolve()).as_posix() for p in ModuleGraph().closure(tmp_path / "cdktf.out/stacks/app")
    }
    assert closure == {"cdktf.out/stacks/app", "cdktf.out/modules/net"}
