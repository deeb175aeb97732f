"""Reviewed Azure price_facts mappings for the oracle cases l..z, checked through `catalog query`.

Each case is a product a future pricer will look up with the Retail Prices attributes it would use
(productName + skuName + meterName); the lookup must find exactly one product, in the catalog unit and at
the unit price the reference estimator printed for it in the oracle. A mapping that drifts (a per-tier disk
operations meter collapsed into one, a monthly price left per hour, a region that loses its 0.005 Standard
IP) makes these fail.
"""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from tests.helpers import run_cli


def _query(*args: str) -> list[dict[str, str]]:
    result = run_cli("catalog", "query", "--format", "json", "--max-catalog-age-days", "0", *args)
    assert result.code == 0, result.err
    return json.loads(result.out)  # type: ignore[no-any-return]


def _attrs(pairs: dict[str, str]) -> list[str]:
    out: list[str] = []
    for key, value in pairs.items():
        out += ["--attr", f"{key}={value}"]
    return out


CASES = [
    # (service, region, attributes, catalog unit, price)
    ("Storage", "eastus", {"productName": "Standard HDD Managed Disks", "skuName": "S4 LRS",
                           "meterName": "S4 LRS Disk Operations"}, "10K", "0.0005"),
    ("Storage", "eastus", {"productName": "Standard SSD Managed Disks", "skuName": "E30 LRS",
                           "meterName": "E30 LRS Disk Operations"}, "10K", "0.002"),
    ("Storage", "westeurope", {"productName": "Standard HDD Managed Disks", "skuName": "S4 LRS",
                               "meterName": "S4 LRS Disk Operations"}, "10K", "0.0005"),
    ("Storage", "westeurope", {"productName": "Standard SSD Managed Disks", "skuName": "E4 LRS",
                               "meterName": "E4 LRS Disk Operations"}, "10K", "0.002"),
    ("Logic Apps", "westeurope", {"productName": "Logic Apps Integration Account", "skuName": "Basic",
                                  "meterName": "Basic Unit"}, "1/Month", "300"),
    ("Logic Apps", "westeurope", {"productName": "Logic Apps Integration Account", "skuName": "Standard",
                                  "meterName": "Standard Unit"}, "1/Month", "1000"),
    ("Logic Apps", "westeurope", {"productName": "Logic Apps", "skuName": "Standard",
                                  "meterName": "Standard vCPU Duration"}, "1 Hour", "0.1972054795"),  # 143.96 / 730
    ("Logic Apps", "westeurope", {"productName": "Logic Apps", "skuName": "Standard",
                                  "meterName": "Standard Memory Duration"}, "1 GiB Hour", "0.01410176125"),  # 10.2943 / 730 (not its rounding 10.29)
    ("Logic Apps", "westeurope", {"productName": "Logic Apps", "skuName": "Consumption",
                                  "meterName": "Consumption Standard Connector Actions"}, "1", "0.000125"),
    ("Logic Apps", "westeurope", {"productName": "Logic Apps", "skuName": "Consumption",
                                  "meterName": "Consumption Enterprise Connector Actions"}, "1", "0.001"),
    ("Redis Cache", "eastus", {"productName": "Azure Managed Redis - Balanced", "skuName": "B3",
                               "meterName": "B3 Cache Instance"}, "1 Hour", "0.065"),
    ("Redis Cache", "eastus", {"productName": "Azure Managed Redis - Compute Optimized", "skuName": "X10",
                               "meterName": "X10 Cache Instance"}, "1 Hour", "0.583"),
    ("Virtual Network", "westeurope", {"productName": "IP Addresses", "skuName": "Standard",
                                       "meterName": "Standard IPv4 Static Public IP"}, "1 Hour", "0.005"),
    ("Virtual Network", "australiaeast", {"productName": "IP Addresses", "skuName": "Standard",
                                          "meterName": "Standard IPv4 Static Public IP"}, "1 Hour", "0.005"),
]


@pytest.mark.parametrize(("service", "region", "attrs", "unit", "price"), CASES,
                         ids=[f"{c[0]}:{c[1]}:{'/'.join(c[2].values())}" for c in CASES])
def test_azure_product_is_unique_at_the_printed_price(service: str, region: str, attrs: dict[str, str], unit: str, price: str) -> None:
    found = _query("--provider", "azure", "--service", service, "--region", region, *_attrs(attrs))
    assert len(found) == 1, found
    assert found[0]["unit"] == unit
    assert abs(Decimal(found[0]["price"]) - Decimal(price)) <= Decimal(price) * Decimal("0.0001")


def test_disk_operations_are_metered_per_tier() -> None:
    """No tier-less "Disk Operations" meter: Azure meters operations per disk tier, so a lookup names the tier."""
    found = _query("--provider", "azure", "--service", "Storage", "--region", "eastus",
                   "--attr", "productName=Standard SSD Managed Disks")
    meters = sorted(r["attributes"]["meterName"] for r in found)  # type: ignore[index]
    assert "Disk Operations" not in meters
    assert {"E4 LRS Disk Operations", "E30 LRS Disk Operations"} <= set(meters)
