"""A reference from one for_each/count instance to another block (`plan[each.key]`) resolves to
the instance of the same key, not to the block's first instance; read from real HCL."""

from __future__ import annotations

from pathlib import Path

from costgate.iac.hcl import HclReader
from costgate.model import Resource
from costgate.resources.base import PricingContext
from costgate.resources.registry import pricer_for

CONFIG = """provider "azurerm" {
  features {}
}
locals {
  sizes = ["WS1", "WS2", "WS3"]
}
resource "azurerm_service_plan" "plan" {
  for_each            = toset(local.sizes)
  name                = "plan-${each.key}"
  resource_group_name = "rg"
  location            = "westeurope"
  os_type             = "Windows"
  sku_name            = each.key
}
resource "azurerm_logic_app_standard" "app" {
  for_each                   = toset(local.sizes)
  name                       = "app-${each.key}"
  resource_group_name        = "rg"
  location                   = "westeurope"
  app_service_plan_id        = azurerm_service_plan.plan[each.key].id
  storage_account_name       = "sa"
  storage_account_access_key = "key"
}
resource "azurerm_logic_app_standard" "single" {
  name                       = "single"
  resource_group_name        = "rg"
  location                   = "westeurope"
  app_service_plan_id        = azurerm_service_plan.plan["WS3"].id
  storage_account_name       = "sa"
  storage_account_access_key = "key"
}
"""


def _context(tmp_path: Path) -> tuple[dict[str, Resource], PricingContext]:
    (tmp_path / "main.tf").write_text(CONFIG)
    resources = list(HclReader().read(tmp_path).resources)
    lookup: dict[str, Resource] = {}
    for r in resources:  # as the estimate builds it: addresses, then bare block addresses
        lookup[r.address] = r
        if r.address.endswith("]"):
            lookup.setdefault(r.address[: r.address.rindex("[")], r)
    return {r.address: r for r in resources}, PricingContext(resources=lookup)


def test_each_instance_resolves_to_the_plan_of_its_own_key(tmp_path: Path) -> None:
    resources, ctx = _context(tmp_path)
    for size in ("WS1", "WS2", "WS3"):
        plan = ctx.resolve(resources[f'azurerm_logic_app_standard.app["{size}"]'], "app_service_plan_id")
        assert plan is not None and plan.address == f'azurerm_service_plan.plan["{size}"]'


def test_each_app_prices_its_own_plan_size(tmp_path: Path) -> None:
    resources, ctx = _context(tmp_path)
    pricer = pricer_for("azurerm_logic_app_standard")
    assert pricer is not None
    vcpus = {}
    for size in ("WS1", "WS2", "WS3"):
        parts = {c.name: c for c in pricer.price(resources[f'azurerm_logic_app_standard.app["{size}"]'], ctx)}
        vcpus[size] = parts[f"Workflow vCPU ({size})"].monthly_quantity
    assert vcpus == {"WS1": 1, "WS2": 2, "WS3": 4}


def test_a_resource_without_a_key_keeps_the_blocks_first_instance(tmp_path: Path) -> None:
    resources, ctx = _context(tmp_path)
    plan = ctx.resolve(resources["azurerm_logic_app_standard.single"], "app_service_plan_id")
    assert plan is not None and plan.address.startswith("azurerm_service_plan.plan[")
