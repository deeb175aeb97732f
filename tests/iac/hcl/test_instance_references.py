"""A reference to one instance of a block with count or for_each binds to THAT instance.

Two fixtures. fixtures/function_plans (Azure, HCL mode only: no Azure provider here) puts
function apps on plans of a for_each block and a count block, named through a for expression
over the whole block (`{ for p in azurerm_service_plan.tier : p.name => p }`, `each.value.id`),
literal keys, a key computed from a local, a map of ids in a local and a module input: each app
must be priced on its own plan's size. tests/fixtures/hcl/instance_references (AWS, with the plan
Terraform made from it) checks that plan mode and HCL mode bind the same way where a plan can
tell (literal keys, a for_each over the block itself, count.index).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from costgate.iac.base import ReadResult
from costgate.iac.hcl import HclReader
from costgate.iac.plan_json import PlanJsonReader
from costgate.model import Resource
from costgate.resources.base import PricingContext, ReverseReferences
from tests.helpers import REPO, run_cli

FUNCTION_PLANS = Path(__file__).parent / "fixtures" / "function_plans"
AWS_CASE = REPO / "tests" / "fixtures" / "hcl" / "instance_references"


def _components(path: Path) -> dict[str, list[str]]:
    run = run_cli("breakdown", "--path", str(path), "--format", "json")
    assert run.code == 0, run.err
    (project,) = json.loads(run.out)["projects"]
    assert project["unknowns"] == [] and project["warnings"] == []
    # billed lines only: a no-charge line ("its Elastic Premium plan is billed once, on ...") says
    # where the cost is, and every priced resource without a billed line must have one
    for r in project["resources"]:
        assert r["support"] != "priced" or r["components"], r["address"]
    return {
        r["address"]: [c["name"] for c in r["components"] if not c["no_charge_reason"]] for r in project["resources"]
    }


def _context(result: ReadResult) -> PricingContext:
    """A context over `result` as the estimate builds it (bare block addresses included)."""
    resources: dict[str, Resource] = {}
    for r in result.resources:
        resources[r.address] = r
        if r.address.endswith("]"):
            resources.setdefault(r.address[: r.address.rindex("[")], r)
    return PricingContext(resources=resources, reverse=ReverseReferences(resources))


EP = ["vCPU ({})", "Memory ({})"]
CONSUMPTION = ["Execution time", "Executions"]


def test_every_function_app_is_priced_on_its_own_plan() -> None:
    found = _components(FUNCTION_PLANS)
    expected = {
        # for expression over a for_each block, keyed by plan name, the EP2 plan filtered out
        'azurerm_linux_function_app.per_plan["plan-burst"]': [n.format("EP3") for n in EP],
        'azurerm_linux_function_app.per_plan["plan-steady"]': [n.format("EP1") for n in EP],
        'azurerm_linux_function_app.per_plan["plan-idle"]': CONSUMPTION,
        # for expression over a count block, keys in reverse order of the plans
        'azurerm_windows_function_app.per_slot["app-1"]': [n.format("EP2") for n in EP],
        'azurerm_windows_function_app.per_slot["app-0"]': [n.format("EP3") for n in EP],
        # literal keys: their plans' cost is shown on the first app of each plan (by address)
        "azurerm_linux_function_app.pinned": [],
        "azurerm_windows_function_app.second_slot": [],
        # a computed key through a local map of ids: the spare (EP2) plan, which no other app uses
        "azurerm_linux_function_app.chosen": [n.format("EP2") for n in EP],
        # a plan id passed into a module: the Consumption plan
        "module.apps.azurerm_linux_function_app.inner": CONSUMPTION,
    }
    assert {a: found[a] for a in expected} == expected
    # every plan's cost is on one of its apps, none on the plans themselves
    assert [a for a, names in found.items() if a.startswith("azurerm_service_plan") and names] == []


def test_function_apps_resolve_and_reference_single_instances() -> None:
    result = HclReader(env={}).read(FUNCTION_PLANS)
    ctx = _context(result)
    by = {r.address: r for r in result.resources}

    def plan_of(address: str) -> str | None:
        found = ctx.resolve(by[address], "service_plan_id")
        return None if found is None else found.address

    assert plan_of('azurerm_linux_function_app.per_plan["plan-steady"]') == 'azurerm_service_plan.tier["steady"]'
    assert plan_of('azurerm_windows_function_app.per_slot["app-1"]') == "azurerm_service_plan.slot[0]"
    assert plan_of("azurerm_windows_function_app.second_slot") == "azurerm_service_plan.slot[1]"
    assert plan_of("azurerm_linux_function_app.pinned") == 'azurerm_service_plan.tier["burst"]'
    assert plan_of("azurerm_linux_function_app.chosen") == 'azurerm_service_plan.tier["spare"]'
    assert plan_of("module.apps.azurerm_linux_function_app.inner") == 'azurerm_service_plan.tier["idle"]'
    # a configured attribute read through a computed key binds to that instance too
    chosen = by["azurerm_linux_function_app.chosen"]
    assert chosen.ref_instances["app_settings"] == ('azurerm_service_plan.tier["spare"]',)
    per_plan = by['azurerm_linux_function_app.per_plan["plan-burst"]']
    assert per_plan.ref_instances["app_settings"] == ('azurerm_service_plan.tier["burst"]',)
    # the plans' refs still name the block, each.value included (as plan mode gives them)
    assert per_plan.refs["service_plan_id"] == ("azurerm_service_plan.tier",)

    linux, windows = "azurerm_linux_function_app", "azurerm_windows_function_app"
    referenced = {
        address
        for address, r in by.items()
        if r.type == "azurerm_service_plan"
        and (ctx.referenced_by(r, linux, "service_plan_id") or ctx.referenced_by(r, windows, "service_plan_id"))
    }
    assert referenced == {f'azurerm_service_plan.tier["{k}"]' for k in ("burst", "steady", "idle", "spare")} | {
        "azurerm_service_plan.slot[0]",
        "azurerm_service_plan.slot[1]",
    }
    # only the apps that name it: not every app of a for_each over the block
    spare = by['azurerm_service_plan.tier["spare"]']
    assert [r.address for r in ctx.referencing(spare, linux, "service_plan_id")] == [
        "azurerm_linux_function_app.chosen"
    ]


@pytest.mark.parametrize("mode", ["plan", "hcl"])
def test_plan_and_hcl_mode_bind_the_same_instances(mode: str) -> None:
    result = PlanJsonReader().read(AWS_CASE / "plan.json") if mode == "plan" else HclReader(env={}).read(AWS_CASE)
    ctx = _context(result)
    by = {r.address: r for r in result.resources}

    def template_of(address: str) -> str | None:
        found = ctx.resolve(by[address], "launch_template.id")
        return None if found is None else found.address

    assert template_of("aws_autoscaling_group.pinned") == 'aws_launch_template.lt["web"]'
    assert template_of('aws_autoscaling_group.fleet["batch"]') == 'aws_launch_template.lt["batch"]'
    assert template_of('aws_autoscaling_group.fleet["web"]') == 'aws_launch_template.lt["web"]'
    assert template_of('aws_autoscaling_group.fleet["edge.v2"]') == 'aws_launch_template.lt["edge.v2"]'
    assert template_of("aws_autoscaling_group.edge") == 'aws_launch_template.lt["edge.v2"]'
    assert by["aws_eip_association.second"].ref_instances == {"allocation_id": ("aws_eip.ip[1]",)}
    in_use = [
        a for a, r in by.items() if r.type == "aws_eip" and ctx.referenced_by(r, "aws_eip_association", "allocation_id")
    ]
    assert in_use == ["aws_eip.ip[1]"]
    volume = ctx.resolve(by["aws_volume_attachment.data[1]"], "volume_id")
    assert volume is not None and volume.address == "aws_ebs_volume.data[1]"


def test_aws_fixture_prices_each_group_on_its_template_and_only_the_attached_address_in_use() -> None:
    found = _components(AWS_CASE)
    assert found["aws_autoscaling_group.pinned"][0] == "Instance usage (Linux/UNIX, on-demand, t3.small)"
    assert found['aws_autoscaling_group.fleet["batch"]'] == ["Instance usage (Linux/UNIX, on-demand, c5.2xlarge)"]
    assert found["aws_autoscaling_group.edge"] == ["Instance usage (Linux/UNIX, on-demand, m5.large)"]
    assert [found[f"aws_eip.ip[{i}]"] for i in range(3)] == [
        ["IP address (if unused)"],
        ["Public IPv4 address (in use)"],
        ["IP address (if unused)"],
    ]


def test_a_reference_the_evaluator_cannot_follow_binds_nothing(tmp_path: Path) -> None:
    """An index from a data source is unknown: no instance is bound, the block ref stays."""
    (tmp_path / "main.tf").write_text(
        """
provider "aws" { region = "eu-west-1" }
data "aws_ssm_parameter" "pick" { name = "which" }
resource "aws_eip" "ip" {
  count  = 2
  domain = "vpc"
}
resource "aws_eip_association" "a" {
  allocation_id = aws_eip.ip[tonumber(data.aws_ssm_parameter.pick.value)].id
  instance_id   = "i-0123456789abcdef0"
}
"""
    )
    result = HclReader(env={}).read(tmp_path)
    association = {r.address: r for r in result.resources}["aws_eip_association.a"]
    assert association.refs == {"allocation_id": ("aws_eip.ip",)}
    assert association.ref_instances == {}


def test_the_value_taken_comes_before_every_reference_written(tmp_path: Path) -> None:
    """Both branches of a conditional are references; the instance its value came from is first."""
    (tmp_path / "main.tf").write_text(
        """
provider "aws" { region = "eu-west-1" }
variable "big" { default = false }
resource "aws_launch_template" "lt" {
  for_each      = { small = "t3.nano", large = "m5.4xlarge" }
  instance_type = each.value
}
resource "aws_autoscaling_group" "asg" {
  min_size           = 1
  max_size           = 1
  availability_zones = ["eu-west-1a"]
  launch_template {
    id = var.big ? aws_launch_template.lt["large"].id : aws_launch_template.lt["small"].id
  }
}
"""
    )
    result = HclReader(env={}).read(tmp_path)
    asg = {r.address: r for r in result.resources}["aws_autoscaling_group.asg"]
    assert asg.ref_instances["launch_template.id"] == (
        'aws_launch_template.lt["small"]',
        'aws_launch_template.lt["large"]',
    )
    template = _context(result).resolve(asg, "launch_template.id")
    assert template is not None and template.values["instance_type"] == "t3.nano"
