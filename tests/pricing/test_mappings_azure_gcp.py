"""The reviewed Azure and GCP price_facts mappings, checked through `catalog query` on the shipped catalog.

Each case is a well-known product a future pricer will look up with the attributes the Retail Prices API
(Azure) or costgate's GCP schema uses; the lookup must find exactly one product, at the unit price the
reference estimator printed for it in the oracle. A mapping that drifts (a wrong productName, a missing
`price:` filter that lets both Windows and Linux prices into one product, a region spelt "West Europe")
makes these fail.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.pricing.catalog_queries import assert_one_at_price
from tests.pricing.catalog_queries import attr_args as _attrs
from tests.pricing.catalog_queries import query as _query

AZURE_CASES = [
    # (service, region, attributes, catalog unit, price)
    # P4 is the eastus premium disk price_facts prints; its P10 line is labelled West Europe but was printed by
    # node pools of eastus AKS clusters, so it is stored in eastus (Storage.yaml)
    (
        "Storage",
        "eastus",
        {"productName": "Premium SSD Managed Disks", "skuName": "P4 LRS", "meterName": "P4 LRS Disk"},
        "1/Month",
        "5.28",
    ),
    (
        "Storage",
        "eastus",
        {"productName": "Premium SSD Managed Disks", "skuName": "P10 LRS", "meterName": "P10 LRS Disk"},
        "1/Month",
        "19.71",
    ),
    (
        "Azure App Service",
        "eastus",
        {"productName": "Azure App Service Premium v2 Plan - Linux", "skuName": "P1 v2"},
        "1 Hour",
        "0.101",
    ),
    (
        "Azure App Service",
        "eastus",
        {"productName": "Azure App Service Premium v2 Plan", "skuName": "P1 v2"},
        "1 Hour",
        "0.2",
    ),
    (
        "Azure App Service",
        "eastus",
        {"productName": "Azure App Service Standard Plan", "skuName": "S1"},
        "1 Hour",
        "0.1",
    ),
    (
        "SQL Database",
        "eastus",
        {
            "productName": "SQL Database Single/Elastic Pool General Purpose - Compute Gen5",
            "skuName": "4 vCore",
            "meterName": "vCore",
        },
        "1 Hour",
        "0.6088630137",
    ),
    (
        "SQL Database",
        "eastus",
        {"productName": "SQL Database Single Standard", "skuName": "S1"},
        "1/Day",
        "0.9675616438",
    ),
    (
        "SQL Database",
        "eastus",
        {"productName": "SQL Database - LTR Backup Storage", "skuName": "Backup RA-GRS"},
        "1 GB/Month",
        "0.05",
    ),
    (
        "Storage",
        "westus",
        {"productName": "Blob Storage", "skuName": "Cool LRS", "meterName": "Cool LRS Data Stored"},
        "1 GB/Month",
        "0.0115",
    ),
    (
        "Azure Database for PostgreSQL",
        "westus",
        {
            "productName": "Azure Database for PostgreSQL Flexible Server General Purpose Ddsv5 Series Compute",
            "skuName": "2 vCore",
        },
        "1 Hour",
        "0.203",
    ),
    (
        "Container Registry",
        "westeurope",
        {"productName": "Container Registry", "skuName": "Premium", "meterName": "Premium Registry Unit"},
        "1/Day",
        "1.666666667",
    ),
]


@pytest.mark.parametrize(
    ("service", "region", "attrs", "unit", "price"),
    AZURE_CASES,
    ids=[f"{c[0]}:{'/'.join(c[2].values())}" for c in AZURE_CASES],
)
def test_azure_product_is_unique_at_the_printed_price(
    service: str, region: str, attrs: dict[str, str], unit: str, price: str
) -> None:
    assert_one_at_price("azure", service, region, attrs, unit, price)


def test_azure_display_name_regions_are_stored_by_arm_region_name() -> None:
    """price_facts writes "West Europe"; the catalog (like armRegionName) says westeurope, never the display name."""
    assert _query("--provider", "azure", "--service", "Container Registry", "--region", "westeurope")
    assert not _query("--provider", "azure", "--service", "Container Registry", "--region", "West Europe")


def test_azure_app_service_windows_and_linux_are_two_products() -> None:
    found = _query(
        "--provider", "azure", "--service", "Azure App Service", "--region", "eastus", "--attr", "skuName=B2"
    )
    assert sorted((r["attributes"]["productName"], Decimal(r["price"])) for r in found) == [  # type: ignore[index]
        ("Azure App Service Basic Plan", Decimal("0.15")),
        ("Azure App Service Basic Plan - Linux", Decimal("0.034")),
    ]


GCP_CASES = [
    # (service, region, attributes, catalog unit, price)
    (
        "Cloud SQL",
        "us-central1",
        {"resourceGroup": "SQLInstance", "tier": "db-f1-micro", "availabilityType": "zonal"},
        "h",
        None,
    ),
    (
        "Compute Engine",
        "us-central1",
        {"diskType": "pd-ssd", "replication": "zonal", "usageType": "OnDemand"},
        "GiBy.mo",
        None,
    ),
    ("Compute Engine", "us-central1", {"resourceGroup": "CloudNat", "natComponent": "gateway"}, "h", None),
    ("Cloud Run", "europe-west3", {"description": "Services CPU Tier 2  (Request-based billing)"}, "s", "0.0000336"),
    (
        "Cloud Run",
        "europe-west4",
        {"description": "Services Memory (Instance-based billing) in europe-west4"},
        "GiBy.s",
        "0.0000024",
    ),
    ("Kubernetes Engine", "global", {"resourceGroup": "ClusterManagementFee"}, "h", "0.1"),
]


@pytest.mark.parametrize(
    ("service", "region", "attrs", "unit", "price"),
    GCP_CASES,
    ids=[f"{c[0]}:{'/'.join(c[2].values())}" for c in GCP_CASES],
)
def test_gcp_product_is_unique(service: str, region: str, attrs: dict[str, str], unit: str, price: str | None) -> None:
    found = _query("--provider", "google", "--service", service, "--region", region, *_attrs(attrs))
    on_demand = [r for r in found if r["purchase_option"] == "on_demand"]
    assert len(on_demand) == 1, on_demand
    assert on_demand[0]["unit"] == unit
    assert Decimal(on_demand[0]["price"]) > 0
    if price is not None:
        assert abs(Decimal(on_demand[0]["price"]) - Decimal(price)) <= Decimal(price) * Decimal("0.01")
