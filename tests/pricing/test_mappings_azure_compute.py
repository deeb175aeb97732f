"""The reviewed Azure compute mappings (HDInsight nodes and Kafka disks, relocated VM and disk lines),
checked through `catalog query` on the shipped catalog.

Many compute lines are labelled "West Europe" in price_facts (their case's resource group) but were printed
by resources located in eastus; the mappings store them where they were priced. These tests fail when a
mapping drifts back to the label's region, loses a size's HDInsight spelling, or stores a price twice.
"""

from __future__ import annotations

import pytest

from tests.pricing.catalog_queries import assert_one_at_price, attr_args, query

HDI = {"type": "Consumption"}
HDD = {"productName": "Standard HDD Managed Disks"}
PREMIUM = {"productName": "Premium SSD Managed Disks"}

CASES = [
    # (service, region, attributes, catalog unit, price)
    # HDInsight nodes of the eastus Hadoop / HBase clusters (labelled West Europe), HDInsight's size spelling
    ("HDInsight", "eastus", {**HDI, "armSkuName": "Standard_Dv23"}, "1 Hour", "0.295"),
    ("HDInsight", "eastus", {**HDI, "armSkuName": "Standard_Dv24"}, "1 Hour", "0.59"),
    ("HDInsight", "eastus", {**HDI, "armSkuName": "Standard_Dv21"}, "1 Hour", "0.0735"),
    ("HDInsight", "eastus", {**HDI, "armSkuName": "Standard_Dv214"}, "1 Hour", "1.4952009"),
    ("HDInsight", "eastus", {**HDI, "armSkuName": "Standard_A5"}, "1 Hour", "0.253"),
    ("HDInsight", "eastus", {**HDI, "armSkuName": "Standard_A4m_v2"}, "1 Hour", "0.306"),
    ("HDInsight", "eastus", {**HDI, "armSkuName": "Standard_D4a v4"}, "1 Hour", "0.24"),
    # westeurope clusters (interactive query, kafka, spark); sizes match ignoring case ("_V3" as given)
    ("HDInsight", "westeurope", {**HDI, "armSkuName": "Standard_Dv23"}, "1 Hour", "0.295"),
    ("HDInsight", "westeurope", {**HDI, "armSkuName": "Standard_E64is_V3"}, "1 Hour", "5.592"),
    ("HDInsight", "westeurope", {**HDI, "armSkuName": "Standard_F2s_v2"}, "1 Hour", "0.135"),
    ("HDInsight", "westeurope", {**HDI, "armSkuName": "Standard_G2"}, "1 Hour", "1.476"),
    ("HDInsight", "westeurope", {**HDI, "armSkuName": "Standard_NC24"}, "1 Hour", "5.122"),
    ("HDInsight", "westeurope", {"skuName": "S30", "meterName": "S30 Disk"}, "1/Month", "40.96"),
    ("HDInsight", "westeurope", {"skuName": "P30", "meterName": "P30 Disk"}, "1/Month", "148.68"),
    # disk tiers labelled West Europe but printed by eastus AKS node pools
    ("Storage", "eastus", {**HDD, "skuName": "S10 LRS", "meterName": "S10 LRS Disk"}, "1/Month", "5.89"),
    ("Storage", "eastus", {**PREMIUM, "skuName": "P10 LRS", "meterName": "P10 LRS Disk"}, "1/Month", "19.71"),
    # West Europe S4 is the figure the westeurope scale sets printed, not the eastus pools' 1.536
    ("Storage", "westeurope", {**HDD, "skuName": "S4 LRS", "meterName": "S4 LRS Disk"}, "1/Month", "1.54"),
    # Windows node VMs of eastus clusters (labelled West Europe)
    (
        "Virtual Machines",
        "eastus",
        {"armSkuName": "Standard_D2_v2", "operatingSystem": "Windows"},
        "1 Hour",
        "0.238",
    ),
]


@pytest.mark.parametrize(
    ("service", "region", "attrs", "unit", "price"),
    CASES,
    ids=[f"{c[0]}:{c[1]}:{'/'.join(c[2].values())}" for c in CASES],
)
def test_compute_product_is_unique_at_the_printed_price(
    service: str, region: str, attrs: dict[str, str], unit: str, price: str
) -> None:
    assert_one_at_price("azure", service, region, attrs, unit, price)


@pytest.mark.parametrize(
    ("service", "region", "attrs"),
    [
        ("Storage", "westeurope", {**HDD, "skuName": "S10 LRS"}),
        ("Storage", "westeurope", {**PREMIUM, "skuName": "P10 LRS"}),
        ("Virtual Machines", "westeurope", {"armSkuName": "Standard_DS2_v2", "operatingSystem": "Windows"}),
        ("HDInsight", "westeurope", {"armSkuName": "Standard_Dv24"}),
        ("HDInsight", "eastus", {"armSkuName": "Standard_G2"}),
    ],
)
def test_lines_printed_in_another_region_are_not_stored_under_their_label(
    service: str, region: str, attrs: dict[str, str]
) -> None:
    """A line whose only printers were located elsewhere must not price its label's region."""
    assert not query("--provider", "azure", "--service", service, "--region", region, *attr_args(attrs))
