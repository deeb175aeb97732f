"""Azure price_facts rows mapped for Cosmos DB, messaging, databases and networking pricers (the azcosmos round).

Each case is a product a pricer looks up with the Retail Prices attributes it uses; the lookup must find
exactly one product, at the unit price the reference estimator printed for it. A mapping that drifts (a
wrong meter spelling, a line stored under the wrong region) makes these fail.
"""

from __future__ import annotations

import pytest

from tests.pricing.catalog_queries import assert_one_at_price
from tests.pricing.catalog_queries import query as _query

ANALYTICS = {"productName": "Azure Cosmos DB Analytics Storage", "skuName": "Standard"}

CASES = [
    # (service, region, attributes, catalog unit, price)
    ("Azure Cosmos DB", "westus", {**ANALYTICS, "meterName": "Standard Write Operations"}, "10K", "0.055"),
    ("Azure Cosmos DB", "westus", {**ANALYTICS, "meterName": "Standard Read Operations"}, "10K", "0.0054"),
    (
        "Azure Cosmos DB",
        "eastus",
        {"productName": "Azure Cosmos DB - PITR", "skuName": "Backup", "meterName": "Cont 30D Bckp Data Restore"},
        "1 GB",
        "0.15",
    ),
    # MySQL flexible server IOPS above the free 300 + 3 per GB (mysql_flexible_server_test .mo, westus)
    (
        "Azure Database for MySQL",
        "westus",
        {
            "productName": "Azure Database for MySQL Flexible Server Storage",
            "skuName": "Additional IOPS",
            "meterName": "Additional IOPS",
        },
        "1 IOPS/Month",
        "0.06",
    ),
    # PostgreSQL flexible servers in eastus (postgresql_flexible_server_test .readable_location_set)
    (
        "Azure Database for PostgreSQL",
        "eastus",
        {"productName": "Az DB for PostgreSQL Flexible Server Storage", "meterName": "Storage Data Stored"},
        "1 GB/Month",
        "0.115",
    ),
    (
        "Azure Database for PostgreSQL",
        "eastus",
        {
            "productName": "Azure Database for PostgreSQL Flexible Server Backup Storage",
            "meterName": "Backup Storage LRS Data Stored",
        },
        "1 GB/Month",
        "0.095",
    ),
    # Event Hubs Capture (per throughput-unit-hour) and extended retention (event_hubs_namespace_test, eastus)
    ("Event Hubs", "eastus", {"skuName": "Standard", "meterName": "Standard Capture"}, "1 Hour", "0.1"),
    ("Event Hubs", "eastus", {"skuName": "Premium", "meterName": "Premium Extended Retention"}, "1 GB/Month", "0.1"),
    (
        "Event Hubs",
        "eastus",
        {"skuName": "Dedicated", "meterName": "Dedicated Extended Retention"},
        "1 GB/Month",
        "0.1",
    ),
]


@pytest.mark.parametrize(
    ("service", "region", "attrs", "unit", "price"),
    CASES,
    ids=[f"{c[0]}:{c[1]}:{'/'.join(c[2].values())}" for c in CASES],
)
def test_azure_product_is_unique_at_the_printed_price(
    service: str, region: str, attrs: dict[str, str], unit: str, price: str
) -> None:
    assert_one_at_price("azure", service, region, attrs, unit, price)


def test_cosmos_analytical_operations_are_not_stored_under_the_eastus_label() -> None:
    """The "(West US)" operation lines belong to the westus account; eastus lists other figures (0.05 / 0.005)."""
    assert not _query(
        "--provider",
        "azure",
        "--service",
        "Azure Cosmos DB",
        "--region",
        "eastus",
        "--attr",
        "meterName=Standard Write Operations",
    )
