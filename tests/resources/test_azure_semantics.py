"""Azure cloud semantics shared by many pricers: location spellings, hybrid benefit, spot and low
priority, reservations and billing zones (issue 13, part 3), read from real HCL through the HCL reader."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from costgate.iac.hcl import HclReader
from costgate.model import CostComponent, Resource
from costgate.resources.azure._common import billing_zone, location_of, normalize_location
from costgate.resources.base import PricingContext, Usage
from costgate.resources.registry import pricer_for

PROVIDER = 'provider "azurerm" {\n  features {}\n}\n'


def _read(tmp_path: Path, body: str) -> dict[str, Resource]:
    (tmp_path / "main.tf").write_text(PROVIDER + body)
    return {r.address: r for r in HclReader().read(tmp_path).resources}


def _price(r: Resource, usage: dict[str, object] | None = None) -> list[CostComponent]:
    pricer = pricer_for(r.type)
    assert pricer is not None
    return list(pricer.price(r, PricingContext(usage=Usage(usage or {}))))


@pytest.mark.parametrize("spelling", ["West Europe", "westeurope", "WestEurope", "west europe"])
def test_any_location_spelling_prices_in_the_canonical_region(tmp_path: Path, spelling: str) -> None:
    body = f'resource "azurerm_nat_gateway" "n" {{\n  name = "n"\n  resource_group_name = "rg"\n  location = "{spelling}"\n}}\n'
    body += (
        f'resource "azurerm_public_ip" "ip" {{\n  name = "ip"\n  resource_group_name = "rg"\n'
        f'  location = "{spelling}"\n  allocation_method = "Static"\n}}\n'
    )
    resources = _read(tmp_path, body)
    assert location_of(resources["azurerm_public_ip.ip"]) == "westeurope"
    assert [c.query.region for c in _price(resources["azurerm_public_ip.ip"])] == ["westeurope"]
    assert normalize_location(spelling) == "westeurope"


def test_location_of_the_resource_group_when_the_resource_names_none(tmp_path: Path) -> None:
    body = (
        'resource "azurerm_resource_group" "rg" {\n  name = "rg"\n  location = "UK South"\n}\n'
        'resource "azurerm_public_ip" "ip" {\n  name = "ip"\n  resource_group_name = azurerm_resource_group.rg.name\n'
        '  allocation_method = "Static"\n}\n'
    )
    ip = _read(tmp_path, body)["azurerm_public_ip.ip"]
    assert [c.query.region for c in _price(ip)] == ["uksouth"]


VM = """resource "azurerm_windows_virtual_machine" "{name}" {{
  name = "{name}"
  resource_group_name = "rg"
  location = "eastus"
  size = "Standard_D2s_v3"
  admin_username = "u"
  admin_password = "P@ssw0rd1234!"
  network_interface_ids = ["nic"]
  {extra}
  os_disk {{
    caching = "ReadWrite"
    storage_account_type = "Premium_LRS"
  }}
}}
"""


@pytest.mark.parametrize(
    ("extra", "option", "os", "label"),
    [
        ("", "on_demand", "Windows", "pay as you go"),
        ('license_type = "Windows_Server"', "on_demand", "Linux", "hybrid benefit"),
        ('license_type = "Windows_Client"', "on_demand", "Linux", "hybrid benefit"),
        ('priority = "Spot"\n  eviction_policy = "Deallocate"', "spot", "Windows", "spot"),
        (
            'priority = "Spot"\n  eviction_policy = "Deallocate"\n  license_type = "Windows_Server"',
            "spot",
            "Linux",
            "spot",
        ),
    ],
)
def test_windows_vm_license_and_priority(tmp_path: Path, extra: str, option: str, os: str, label: str) -> None:
    vm = _read(tmp_path, VM.format(name="vm", extra=extra))["azurerm_windows_virtual_machine.vm"]
    instance = _price(vm)[0]
    assert instance.query.purchase_option == option
    assert dict(instance.query.attributes)["operatingSystem"] == os
    assert instance.name == f"Instance usage (Windows, {label}, Standard_D2s_v3)"
    assert instance.monthly_quantity == Decimal(730)


@pytest.mark.parametrize(("term", "catalog_term", "months"), [("1_year", "1 Year", 12), ("3_year", "3 Years", 36)])
def test_reservation_prices_a_month_of_the_term(tmp_path: Path, term: str, catalog_term: str, months: int) -> None:
    vm = _read(tmp_path, VM.format(name="vm", extra='license_type = "Windows_Server"'))[
        "azurerm_windows_virtual_machine.vm"
    ]
    instance = _price(vm, {"reserved_instance_term": term, "monthly_hrs": 100})[0]
    assert instance.query.purchase_option == "reserved"
    assert dict(instance.query.term) == {"reservationTerm": catalog_term}
    assert dict(instance.query.attributes)["type"] == "Reservation"
    assert (instance.monthly_quantity, instance.unit_multiplier * months) == (Decimal(1), Decimal(1))


def test_reservation_leaves_a_licensed_windows_vm_pay_as_you_go(tmp_path: Path) -> None:
    vm = _read(tmp_path, VM.format(name="vm", extra=""))["azurerm_windows_virtual_machine.vm"]
    assert _price(vm, {"reserved_instance_term": "1_year"})[0].query.purchase_option == "on_demand"


def test_low_priority_legacy_scale_set(tmp_path: Path) -> None:
    body = """resource "azurerm_virtual_machine_scale_set" "s" {
  name = "s"
  location = "eastus"
  resource_group_name = "rg"
  upgrade_policy_mode = "Manual"
  priority = "Low"
  sku {
    name = "Standard_F2"
    tier = "Standard"
    capacity = 4
  }
}
"""
    instance = _price(_read(tmp_path, body)["azurerm_virtual_machine_scale_set.s"])[0]
    assert instance.query.purchase_option == "low_priority"
    assert instance.monthly_quantity == Decimal(4 * 730)


@pytest.mark.parametrize(
    ("location", "zone"),
    [
        ("West Europe", "Zone 1"),
        ("eastus", "Zone 1"),
        ("japaneast", "Zone 2"),
        ("Australia East", "Zone 2"),
        ("centralindia", "Zone 2"),
        ("brazilsouth", "Zone 3"),
    ],
)
def test_billing_zone(location: str, zone: str) -> None:
    assert billing_zone(location) == zone
