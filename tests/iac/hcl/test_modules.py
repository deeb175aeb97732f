"""Modules in HCL mode: local and installed sources, nesting, count/for_each, inputs, outputs,
providers passed in, and modules that are not on disk."""

from __future__ import annotations

import json
from pathlib import Path

from costgate.iac.hcl import HclReader


def _write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)


def test_nested_modules_with_for_each_count_outputs_and_passed_providers(tmp_path: Path) -> None:
    _write(
        tmp_path,
        {
            "main.tf": """
provider "aws" { region = "us-east-1" }
provider "aws" {
  alias  = "eu"
  region = "eu-west-1"
  default_tags { tags = { team = "eu" } }
}
module "app" {
  source   = "./modules/app"
  for_each = toset(["a", "b"])
  name     = each.key
}
module "eu" {
  source    = "./modules/app"
  count     = 1
  providers = { aws = aws.eu }
  name      = "eu-${module.app["a"].label}"
}
resource "aws_sqs_queue" "q" { name = module.eu[0].label }
""",
            "modules/app/main.tf": """
variable "name" { type = string }
module "disk" {
  source = "../disk"
  size   = length(var.name) * 10
}
resource "aws_instance" "vm" { instance_type = "t3.micro" }
output "label" { value = "${var.name}-${module.disk.size}" }
""",
            "modules/disk/main.tf": """
variable "size" { type = number }
resource "aws_ebs_volume" "d" { size = var.size }
output "size" { value = var.size }
""",
        },
    )
    result = HclReader(env={}).read(tmp_path)
    found = {r.address: r for r in result.resources}
    assert set(found) == {
        'module.app["a"].aws_instance.vm',
        'module.app["a"].module.disk.aws_ebs_volume.d',
        'module.app["b"].aws_instance.vm',
        'module.app["b"].module.disk.aws_ebs_volume.d',
        "module.eu[0].aws_instance.vm",
        "module.eu[0].module.disk.aws_ebs_volume.d",
        "aws_sqs_queue.q",
    }
    assert found['module.app["b"].module.disk.aws_ebs_volume.d'].values["size"] == 10
    eu_disk = found["module.eu[0].module.disk.aws_ebs_volume.d"]
    assert eu_disk.values["size"] == 70  # len("eu-a-10") * 10
    assert (eu_disk.region, eu_disk.tags) == ("eu-west-1", {"team": "eu"})
    assert eu_disk.module == "module.eu[0].module.disk"
    assert found['module.app["a"].aws_instance.vm'].region == "us-east-1"
    assert found["aws_sqs_queue.q"].values["name"] == "eu-a-10-70"


def test_installed_registry_module_is_read_through_modules_json(tmp_path: Path) -> None:
    _write(
        tmp_path,
        {
            "main.tf": 'module "vpc" {\n  source = "terraform-aws-modules/vpc/aws"\n  nat = 2\n}\n',
            ".terraform/modules/vpc/main.tf": 'variable "nat" {}\nresource "aws_nat_gateway" "n" {\n  count = var.nat\n}\n',
            ".terraform/modules/modules.json": json.dumps(
                {
                    "Modules": [
                        {"Key": "", "Source": "", "Dir": "."},
                        {
                            "Key": "vpc",
                            "Source": "registry.terraform.io/terraform-aws-modules/vpc/aws",
                            "Dir": ".terraform/modules/vpc",
                        },
                    ]
                }
            ),
        },
    )
    result = HclReader(env={}).read(tmp_path)
    assert [r.address for r in result.resources] == [
        "module.vpc.aws_nat_gateway.n[0]",
        "module.vpc.aws_nat_gateway.n[1]",
    ]
    assert result.unknowns == []


def test_a_module_not_on_disk_is_reported_with_its_address(tmp_path: Path) -> None:
    _write(
        tmp_path,
        {
            "main.tf": """
module "vpc" { source = "terraform-aws-modules/vpc/aws" }
module "local" { source = "./missing" }
resource "aws_eip" "ip" { tags = { vpc = module.vpc.vpc_id } }
""",
        },
    )
    result = HclReader(env={}).read(tmp_path)
    assert [r.address for r in result.resources] == ["aws_eip.ip"]
    assert "tags.vpc" in result.resources[0].unknown
    assert any(
        u.startswith('module.vpc: source "terraform-aws-modules/vpc/aws" is not on disk') for u in result.unknowns
    )
    assert any(u.startswith('module.local: source "./missing" is not a directory') for u in result.unknowns)


def test_unknown_module_count_hides_its_resources_and_says_why(tmp_path: Path) -> None:
    _write(
        tmp_path,
        {
            "main.tf": 'data "aws_vpcs" "all" {}\nmodule "m" {\n  source = "./m"\n  count  = length(data.aws_vpcs.all.ids)\n}\n',
            "m/main.tf": 'resource "aws_eip" "ip" {}\n',
        },
    )
    result = HclReader(env={}).read(tmp_path)
    assert result.resources == []
    assert result.unknowns == ["module.m: count depends on data.aws_vpcs.all"]


def test_data_source_attributes_and_unset_attributes_are_unknown_never_invented(tmp_path: Path) -> None:
    _write(
        tmp_path,
        {
            "main.tf": """
data "aws_ami" "ubuntu" { most_recent = true }
resource "aws_instance" "a" {
  ami           = data.aws_ami.ubuntu.id
  instance_type = "t3.micro"
}
resource "aws_instance" "b" {
  instance_type = aws_instance.a.instance_type
  subnet_id     = aws_instance.a.subnet_id
  tags          = { ip = aws_instance.a.private_ip, fixed = "x" }
}
""",
        },
    )
    found = {r.address: r for r in HclReader(env={}).read(tmp_path).resources}
    a, b = found["aws_instance.a"], found["aws_instance.b"]
    assert a.values == {"instance_type": "t3.micro"} and "ami" in a.unknown
    assert b.values == {"instance_type": "t3.micro", "tags": {"fixed": "x"}}
    assert {"subnet_id", "tags.ip", "tags_all"} <= b.unknown
    assert dict(b.refs) == {
        "instance_type": ("aws_instance.a",),
        "subnet_id": ("aws_instance.a",),
        "tags": ("aws_instance.a",),
    }
