"""HclReader end to end on small configurations written in the test: addresses, values,
unknowns, regions, tags and refs as plan mode would give them."""

from __future__ import annotations

from pathlib import Path

import pytest

from costgate.errors import HclReaderError, ReaderError
from costgate.iac.base import ReadResult
from costgate.iac.hcl import HclReader
from costgate.model import Action


def _read(tmp_path: Path, text: str, **kwargs: object) -> ReadResult:
    (tmp_path / "main.tf").write_text(text)
    return HclReader(env={}, **kwargs).read(tmp_path)  # type: ignore[arg-type]


def _by_address(result: ReadResult) -> dict[str, object]:
    return {r.address: r for r in result.resources}


def test_count_locals_in_any_order_and_provider_region(tmp_path: Path) -> None:
    result = _read(
        tmp_path,
        """
provider "aws" {
  region = var.region
  default_tags { tags = { env = "prod" } }
}
variable "region" { default = "eu-west-1" }
locals {
  total = local.base + 1
  base  = 2
}
resource "aws_instance" "web" {
  count         = local.total
  instance_type = "t3.micro"
  tags          = { Name = "web-${count.index}" }
  root_block_device { volume_size = 30 }
}
""",
    )
    web = [r for r in result.resources if r.type == "aws_instance"]
    assert [r.address for r in web] == ["aws_instance.web[0]", "aws_instance.web[1]", "aws_instance.web[2]"]
    first = web[0]
    assert first.action is Action.CREATE
    assert first.values == {
        "instance_type": "t3.micro",
        "tags": {"Name": "web-0"},
        "tags_all": {"env": "prod", "Name": "web-0"},  # planned by the AWS provider from default_tags
        "root_block_device": [{"volume_size": 30}],
    }
    assert {"id", "arn", "private_ip", "root_block_device.0.volume_id"} <= first.unknown  # computed by AWS
    assert (first.region, first.region_source) == ("eu-west-1", "variable")
    assert first.tags == {"env": "prod", "Name": "web-0"}
    assert result.source == "hcl"
    assert result.unknowns == []


def test_for_each_keys_alias_and_var_flag(tmp_path: Path) -> None:
    result = _read(
        tmp_path,
        """
provider "aws" { region = "us-east-1" }
provider "aws" {
  alias  = "west"
  region = "us-west-2"
}
variable "sizes" { type = map(string) }
resource "aws_instance" "fe" {
  for_each      = var.sizes
  instance_type = each.value
  provider      = aws.west
}
""",
        variables={"sizes": '{ a = "t3.micro", "b c" = "m5.large" }'},
    )
    found = _by_address(result)
    assert set(found) == {'aws_instance.fe["a"]', 'aws_instance.fe["b c"]'}
    b = found['aws_instance.fe["b c"]']
    assert b.values["instance_type"] == "m5.large"  # type: ignore[attr-defined]
    assert (b.region, b.region_source) == ("us-west-2", "provider")  # type: ignore[attr-defined]


def test_unknown_count_is_reported_never_one(tmp_path: Path) -> None:
    result = _read(
        tmp_path,
        """
data "aws_availability_zones" "all" {}
resource "aws_instance" "az" {
  count         = length(data.aws_availability_zones.all.names)
  instance_type = "t3.micro"
}
resource "aws_instance" "one" {
  instance_type = "t3.micro"
  subnet_id     = aws_instance.az[0].subnet_id
}
""",
    )
    assert [r.address for r in result.resources] == ["aws_instance.one"]
    assert result.unknowns == ["aws_instance.az: count depends on data.aws_availability_zones.all"]
    assert "subnet_id" in result.resources[0].unknown
    assert "subnet_id" not in result.resources[0].values


def test_refs_let_an_asg_find_its_launch_template(tmp_path: Path) -> None:
    result = _read(
        tmp_path,
        """
resource "aws_launch_template" "lt" { instance_type = "m5.xlarge" }
resource "aws_autoscaling_group" "asg" {
  min_size = 1
  launch_template { id = aws_launch_template.lt.id }
}
""",
    )
    asg = _by_address(result)["aws_autoscaling_group.asg"]
    assert asg.refs == {"launch_template.id": ("aws_launch_template.lt",)}  # type: ignore[attr-defined]
    assert "launch_template.0.id" in asg.unknown  # type: ignore[attr-defined]
    assert asg.values["launch_template"] == [{}]  # type: ignore[attr-defined]


def test_variable_without_value_is_unknown_and_reported(tmp_path: Path) -> None:
    result = _read(
        tmp_path,
        """
variable "n" {}
resource "aws_instance" "x" {
  count         = var.n
  instance_type = "t3.micro"
}
""",
    )
    assert result.resources == []
    assert any("var.n has no value" in u for u in result.unknowns)
    assert "aws_instance.x: count depends on var.n (no value given)" in result.unknowns


def test_syntax_error_names_file_line_and_column(tmp_path: Path) -> None:
    with pytest.raises(HclReaderError) as info:
        _read(tmp_path, 'resource "aws_instance" "x" {\n  ami = \n}\n')
    assert str(info.value).startswith("main.tf:2:") or ":2:" in str(info.value)
    assert isinstance(info.value, ReaderError)


def test_aws_values_take_the_types_and_shapes_of_the_provider_schema(tmp_path: Path) -> None:
    result = _read(
        tmp_path,
        """
resource "aws_elastic_beanstalk_environment" "eb" {
  name                = "x"
  application         = "app"
  solution_stack_name = "stack"
  setting {
    namespace = "aws:rds:dbinstance"
    name      = "MultiAZDatabase"
    value     = true
  }
}
resource "aws_ebs_volume" "v" {
  availability_zone = "us-east-1a"
  size              = "40"
  iops              = null
  tags              = { on = true, n = 1 }
}
resource "aws_instance" "i" {
  instance_type          = "t3.micro"
  vpc_security_group_ids = ["sg-b", "sg-a", "sg-b"]
  capacity_reservation_specification { capacity_reservation_preference = "open" }
}
""",
    )
    found = _by_address(result)
    assert found["aws_elastic_beanstalk_environment.eb"].values["setting"][0]["value"] == "true"  # type: ignore[attr-defined]
    volume = found["aws_ebs_volume.v"]
    assert volume.values["size"] == 40  # type: ignore[attr-defined]
    assert volume.values["tags"] == {"on": "true", "n": "1"}  # type: ignore[attr-defined]
    assert "iops" not in volume.values and "iops" in volume.unknown  # type: ignore[attr-defined]
    instance = found["aws_instance.i"]
    assert instance.values["vpc_security_group_ids"] == ["sg-a", "sg-b"]  # type: ignore[attr-defined]
    assert instance.values["capacity_reservation_specification"] == [{"capacity_reservation_preference": "open"}]  # type: ignore[attr-defined]


def test_azure_location_from_the_resource_group_and_google_zone_to_region(tmp_path: Path) -> None:
    result = _read(
        tmp_path,
        """
provider "azurerm" {
  features {}
}
provider "google" {
  project = "p"
  zone    = "europe-west4-b"
}
provider "google-beta" { region = "asia-east1" }
resource "azurerm_resource_group" "rg" {
  name     = "rg-prod"
  location = "West Europe"
}
resource "azurerm_storage_account" "by_reference" {
  name                = "sa1"
  resource_group_name = azurerm_resource_group.rg.name
  location            = azurerm_resource_group.rg.location
}
resource "azurerm_network_interface" "by_group_name" {
  name                = "nic"
  resource_group_name = "rg-prod"
}
resource "google_compute_instance" "vm" {
  name         = "vm"
  machine_type = "e2-small"
}
resource "google_compute_disk" "beta" {
  provider = google-beta
  name     = "d"
}
""",
    )
    found = _by_address(result)
    assert (
        found["azurerm_storage_account.by_reference"].region,
        found["azurerm_storage_account.by_reference"].region_source,
    ) == ("westeurope", "resource")  # type: ignore[attr-defined]
    assert found["azurerm_network_interface.by_group_name"].region == "westeurope"  # type: ignore[attr-defined]
    vm = found["google_compute_instance.vm"]
    assert (vm.provider, vm.region, vm.region_source) == ("google", "europe-west4", "provider")  # type: ignore[attr-defined]
    beta = found["google_compute_disk.beta"]
    assert (beta.provider, beta.region) == ("google", "asia-east1")  # type: ignore[attr-defined]
    assert found["azurerm_resource_group.rg"].provider == "azure"  # type: ignore[attr-defined]


def test_no_region_anywhere_falls_back_with_one_warning(tmp_path: Path) -> None:
    result = _read(tmp_path, 'resource "aws_eip" "a" {}\nresource "aws_eip" "b" {}\n')
    assert [(r.region, r.region_source) for r in result.resources] == [("us-east-1", "default")] * 2
    assert [w for w in result.warnings if "no region configured for aws" in w] == [
        f"{tmp_path}: no region configured for aws resources (first: aws_eip.a); assuming us-east-1"
    ]


def test_a_provider_without_region_reads_its_environment_variables(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As the provider itself does: AWS_REGION first; a block that sets a region is not overridden."""
    monkeypatch.setenv("AWS_DEFAULT_REGION", "eu-west-1")
    monkeypatch.setenv("AWS_REGION", "eu-north-1")
    monkeypatch.setenv("GOOGLE_REGION", "europe-west3")
    result = _read(
        tmp_path,
        'resource "aws_eip" "a" {}\n'
        'provider "aws" {\n  alias  = "tokyo"\n  region = "ap-northeast-1"\n}\n'
        'resource "aws_eip" "b" {\n  provider = aws.tokyo\n}\n'
        'resource "google_compute_address" "c" {\n  name = "c"\n}\n',
    )
    found = {r.address: (r.region, r.region_source) for r in result.resources}
    assert found == {
        "aws_eip.a": ("eu-north-1", "environment"),
        "aws_eip.b": ("ap-northeast-1", "provider"),
        "google_compute_address.c": ("europe-west3", "environment"),
    }
    assert (
        f"{tmp_path}: no region configured for aws resources (first: aws_eip.a); using eu-north-1 from AWS_REGION"
        in (result.warnings)
    )


def test_an_unknown_function_makes_unknown_values_and_one_warning(tmp_path: Path) -> None:
    result = _read(
        tmp_path,
        """
resource "aws_sqs_queue" "q" {
  name          = made_up(1)
  delay_seconds = provider::aws::arn_parse("x").region
}
""",
    )
    queue = result.resources[0]
    assert {"name", "delay_seconds"} <= queue.unknown
    assert any("function made_up() is not supported by HCL mode" in w and ":3:" in w for w in result.warnings)
    assert any("provider function provider::aws::arn_parse()" in w for w in result.warnings)


def test_terraform_workspace_comes_from_tf_workspace(tmp_path: Path) -> None:
    text = 'resource "aws_sqs_queue" "q" { name = "q-${terraform.workspace}" }\n'
    assert _read(tmp_path, text).resources[0].values["name"] == "q-default"
    (tmp_path / "main.tf").write_text(text)
    result = HclReader(env={"TF_WORKSPACE": "staging"}).read(tmp_path)
    assert result.resources[0].values["name"] == "q-staging"
