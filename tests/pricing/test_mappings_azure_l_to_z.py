"""Reviewed Azure price_facts mappings for the oracle cases l..z, checked through `catalog query`.

Each case is a product a future pricer will look up with the Retail Prices attributes it would use
(productName + skuName + meterName); the lookup must find exactly one product, in the catalog unit and at
the unit price the reference estimator printed for it in the oracle. A mapping that drifts (a per-tier disk
operations meter collapsed into one, a monthly price left per hour, a region that loses its 0.005 Standard
IP) makes these fail.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.pricing.catalog_queries import assert_one_at_price
from tests.pricing.catalog_queries import attr_args as _attrs
from tests.pricing.catalog_queries import query as _query

CASES = [
    # (service, region, attributes, catalog unit, price)
    (
        "Storage",
        "eastus",
        {"productName": "Standard HDD Managed Disks", "skuName": "S4 LRS", "meterName": "S4 LRS Disk Operations"},
        "10K",
        "0.0005",
    ),
    (
        "Storage",
        "eastus",
        {"productName": "Standard SSD Managed Disks", "skuName": "E30 LRS", "meterName": "E30 LRS Disk Operations"},
        "10K",
        "0.002",
    ),
    (
        "Storage",
        "westeurope",
        {"productName": "Standard HDD Managed Disks", "skuName": "S4 LRS", "meterName": "S4 LRS Disk Operations"},
        "10K",
        "0.0005",
    ),
    (
        "Storage",
        "westeurope",
        {"productName": "Standard SSD Managed Disks", "skuName": "E4 LRS", "meterName": "E4 LRS Disk Operations"},
        "10K",
        "0.002",
    ),
    (
        "Logic Apps",
        "westeurope",
        {"productName": "Logic Apps Integration Account", "skuName": "Basic", "meterName": "Basic Unit"},
        "1/Month",
        "300",
    ),
    (
        "Logic Apps",
        "westeurope",
        {"productName": "Logic Apps Integration Account", "skuName": "Standard", "meterName": "Standard Unit"},
        "1/Month",
        "1000",
    ),
    (
        "Logic Apps",
        "westeurope",
        {"productName": "Logic Apps", "skuName": "Standard", "meterName": "Standard vCPU Duration"},
        "1 Hour",
        "0.1972054795",
    ),  # 143.96 / 730
    (
        "Logic Apps",
        "westeurope",
        {"productName": "Logic Apps", "skuName": "Standard", "meterName": "Standard Memory Duration"},
        "1 GiB Hour",
        "0.01410176125",
    ),  # 10.2943 / 730 (not its rounding 10.29)
    (
        "Logic Apps",
        "westeurope",
        {"productName": "Logic Apps", "skuName": "Consumption", "meterName": "Consumption Standard Connector Actions"},
        "1",
        "0.000125",
    ),
    (
        "Logic Apps",
        "westeurope",
        {
            "productName": "Logic Apps",
            "skuName": "Consumption",
            "meterName": "Consumption Enterprise Connector Actions",
        },
        "1",
        "0.001",
    ),
    (
        "Redis Cache",
        "eastus",
        {"productName": "Azure Managed Redis - Balanced", "skuName": "B3", "meterName": "B3 Cache Instance"},
        "1 Hour",
        "0.065",
    ),
    (
        "Redis Cache",
        "eastus",
        {"productName": "Azure Managed Redis - Compute Optimized", "skuName": "X10", "meterName": "X10 Cache Instance"},
        "1 Hour",
        "0.583",
    ),
    (
        "Virtual Network",
        "westeurope",
        {"productName": "IP Addresses", "skuName": "Standard", "meterName": "Standard IPv4 Static Public IP"},
        "1 Hour",
        "0.005",
    ),
    (
        "Virtual Network",
        "australiaeast",
        {"productName": "IP Addresses", "skuName": "Standard", "meterName": "Standard IPv4 Static Public IP"},
        "1 Hour",
        "0.005",
    ),
    # a public IP prefix, per IP address and hour (nat_gateway_test, West Europe)
    ("Virtual Network", "westeurope", {"productName": "Public IP Prefix"}, "1 Hour", "0.006"),
    # the load-balancer cases' West US IPs (lines labelled with their eastus resource group)
    (
        "Virtual Network",
        "westus",
        {"productName": "IP Addresses", "skuName": "Standard", "meterName": "Standard IPv4 Static Public IP"},
        "1 Hour",
        "0.005",
    ),
    (
        "Virtual Network",
        "westus",
        {"productName": "IP Addresses", "skuName": "Basic", "meterName": "Basic IPv4 Static Public IP"},
        "1 Hour",
        "0.0036",
    ),
    # meters Azure sells in "Global": stored in `global`, whatever region the price_facts line names
    (
        "Load Balancer",
        "global",
        {"productName": "Load Balancer", "skuName": "Standard", "meterName": "Standard Data Processed"},
        "1 GB",
        "0.005",
    ),
    (
        "Load Balancer",
        "global",
        {
            "productName": "Load Balancer",
            "skuName": "Standard",
            "meterName": "Standard Overage LB Rules and Outbound Rules",
        },
        "1/Hour",
        "0.01",
    ),
    (
        "NAT Gateway",
        "global",
        {"productName": "NAT Gateway", "skuName": "Standard", "meterName": "Standard Gateway"},
        "1 Hour",
        "0.045",
    ),
    (
        "NAT Gateway",
        "global",
        {"productName": "NAT Gateway", "skuName": "Standard", "meterName": "Standard Data Processed"},
        "1 GB",
        "0.045",
    ),
    (
        "Virtual Network",
        "global",
        {"productName": "Virtual Network Private Link", "meterName": "Standard Private Endpoint"},
        "1 Hour",
        "0.01",
    ),
    (
        "Azure Monitor",
        "global",
        {"productName": "Azure Monitor", "skuName": "Notifications", "meterName": "Notifications Web hook"},
        "10",
        "0.000006",
    ),  # $0.60 per million
    (
        "Azure Monitor",
        "global",
        {"productName": "Azure Monitor", "skuName": "Emails", "meterName": "Emails"},
        "1",
        "0.00002",
    ),
    # action-group SMS and voice by country code, per message / call (no unitOfMeasure attribute)
    ("Azure Monitor", "global", {"productName": "Azure Monitor", "skuName": "SMS Country Code 1"}, "1", "0.00645"),
    ("Azure Monitor", "global", {"productName": "Azure Monitor", "skuName": "SMS Country Code 34"}, "1", "0.088"),
    (
        "Azure Monitor",
        "global",
        {"skuName": "Voice Calls", "meterName": "Voice Calls Voice Call Country Code 86"},
        "1",
        "0.06",
    ),
    (
        "Azure Monitor",
        "global",
        {"skuName": "Voice Calls", "meterName": "Voice Calls Voice Call Country Code 64"},
        "1",
        "0.08",
    ),
    (
        "SQL Database",
        "global",
        {"productName": "SQL Database Single/Elastic Pool General Purpose - SQL License"},
        "1 Hour",
        "0.09996575342",
    ),
    (
        "SQL Database",
        "global",
        {"productName": "SQL Database Single/Elastic Pool Business Critical - SQL License"},
        "1 Hour",
        "0.375",
    ),
    (
        "SQL Managed Instance",
        "global",
        {"productName": "SQL Managed Instance General Purpose - SQL License"},
        "1 Hour",
        "0.09996575342",
    ),
    (
        "Traffic Manager",
        "global",
        {"productName": "Traffic Manager", "skuName": "Azure Endpoint", "meterName": "Azure Endpoint Health Checks"},
        "1",
        "0.36",
    ),  # 0.0004931506849/h x 730
    (
        "Traffic Manager",
        "global",
        {
            "productName": "Traffic Manager",
            "skuName": "Non-Azure Endpoint",
            "meterName": "Non-Azure Endpoint Fast Interval Health Check Add-ons",
        },
        "1",
        "2.00",
    ),
    # regional meters
    (
        "Azure Monitor",
        "eastus",
        {"productName": "Azure Monitor", "skuName": "Alerts", "meterName": "Alerts Metric Monitored"},
        "1/Month",
        "0.1",
    ),
    (
        "Azure Monitor",
        "westeurope",
        {
            "productName": "Azure Monitor",
            "skuName": "Alerts",
            "meterName": "Alerts System Log Monitored at 5 Minute Frequency",
        },
        "1/Month",
        "1.5",
    ),
    (
        "Azure Monitor",
        "westeurope",
        {
            "productName": "Azure Monitor",
            "skuName": "100 GB Commitment Tier",
            "meterName": "100 GB Commitment Tier Capacity Reservation",
        },
        "1/Day",
        "252.84",
    ),
    (
        "Azure Monitor",
        "westeurope",
        {"productName": "Azure Monitor", "skuName": "Basic Logs", "meterName": "Basic Logs Data Ingestion"},
        "1 GB",
        "0.65",
    ),
    (
        "Azure Monitor",
        "westeurope",
        {"productName": "Azure Monitor", "skuName": "Data Archive", "meterName": "Data Archive"},
        "1 GB/Month",
        "0.026",
    ),
    (
        "Redis Cache",
        "eastus",
        {"productName": "Azure Redis Cache Premium", "skuName": "P1", "meterName": "P1 Cache Instance"},
        "1 Hour",
        "0.277",
    ),  # one node: 202.21 / 730
    (
        "Redis Cache",
        "australiacentral",
        {"productName": "Azure Redis Cache Premium", "skuName": "P1", "meterName": "P1 Cache Instance"},
        "1 Hour",
        "0.277",
    ),  # premium_p1_australiacentral printed the same figure in its own region
    (
        "Redis Cache",
        "eastus",
        {"productName": "Azure Redis Cache Standard", "skuName": "C3", "meterName": "C3 Cache"},
        "1 Hour",
        "0.45",
    ),  # two-node cache: 164.25 per node-month x 2 / 730
    (
        "Redis Cache",
        "eastus",
        {"productName": "Azure Redis Cache Basic", "skuName": "C4", "meterName": "C4 Cache"},
        "1 Hour",
        "0.21",
    ),
    ("Service Bus", "westeurope", {"skuName": "Premium", "meterName": "Premium Messaging Unit"}, "1/Hour", "0.9275"),
    # printed as $9.81 for 730 hours (0.01343835616 = 9.81 / 730): the shortest price that prints so is 0.01344
    ("Service Bus", "westeurope", {"skuName": "Standard", "meterName": "Standard Base Unit"}, "1/Hour", "0.01344"),
    ("Service Bus", "westeurope", {"skuName": "Basic", "meterName": "Basic Messaging Operations"}, "1M", "0.05"),
    (
        "Notification Hubs",
        "eastus",
        {"productName": "Notification Hubs", "skuName": "Standard", "meterName": "Standard Unit"},
        "1/Month",
        "200",
    ),
    (
        "Notification Hubs",
        "eastus",
        {"productName": "Notification Hubs", "skuName": "Basic", "meterName": "Basic Pushes"},
        "1M",
        "1",
    ),
    (
        "SignalR",
        "westeurope",
        {"productName": "SignalR", "skuName": "Standard", "meterName": "Standard Unit"},
        "1/Day",
        "1.61",
    ),  # 48.97 per unit-month / (730/24)
    (
        "SignalR",
        "westeurope",
        {"productName": "SignalR", "skuName": "Premium", "meterName": "Premium Message"},
        "1M",
        "1.00",
    ),
    (
        "Azure Cognitive Search",
        "eastus",
        {"skuName": "Standard S2", "meterName": "Standard S2 Unit"},
        "1 Hour",
        "1.344",
    ),
    (
        "Azure Cognitive Search",
        "eastus",
        {"skuName": "Storage Optimized L1", "meterName": "Storage Optimized L1 Unit"},
        "1 Hour",
        "3.839",
    ),
    (
        "Azure DDOS Protection",
        "westeurope",
        {"skuName": "Network Protection", "meterName": "Network Protection Plan"},
        "1 Hour",
        "4.032260274",
    ),
    (
        "Azure Synapse Analytics",
        "westeurope",
        {"productName": "Azure Synapse Analytics Data Flow - Basic", "skuName": "vCore", "meterName": "vCore"},
        "1 Hour",
        "0.2675",
    ),
    (
        "Azure Synapse Analytics",
        "westeurope",
        {"productName": "Azure Synapse Analytics Data Flow - Standard", "skuName": "vCore", "meterName": "vCore"},
        "1 Hour",
        "0.345",
    ),
    (
        "Azure Synapse Analytics",
        "westeurope",
        {
            "productName": "Azure Synapse Analytics Pipelines",
            "skuName": "Self Hosted IR",
            "meterName": "Self Hosted IR Orchestration Activity Run",
        },
        "1K",
        "1.5",
    ),
    (
        "Azure Synapse Analytics",
        "westeurope",
        {
            "productName": "Azure Synapse Analytics Serverless SQL Pool",
            "skuName": "Standard",
            "meterName": "Standard Data Processed",
        },
        "1 TB",
        "5",
    ),
    # Synapse pipeline hourly meters: the managed virtual network's runtime bills 1.00 where the plain one bills 0.005
    (
        "Azure Synapse Analytics",
        "westeurope",
        {
            "productName": "Azure Synapse Analytics Pipelines",
            "skuName": "Azure Hosted IR",
            "meterName": "Azure Hosted IR Data Movement",
        },
        "1 Hour",
        "0.25",
    ),
    (
        "Azure Synapse Analytics",
        "westeurope",
        {
            "productName": "Azure Synapse Analytics Pipelines",
            "skuName": "Azure Hosted Managed VNET IR",
            "meterName": "Azure Hosted Managed VNET IR Data Movement",
        },
        "1 Hour",
        "0.25",
    ),
    (
        "Azure Synapse Analytics",
        "westeurope",
        {
            "productName": "Azure Synapse Analytics Pipelines",
            "skuName": "Azure Hosted IR",
            "meterName": "Azure Hosted IR Pipeline Activity",
        },
        "1 Hour",
        "0.005",
    ),
    (
        "Azure Synapse Analytics",
        "westeurope",
        {
            "productName": "Azure Synapse Analytics Pipelines",
            "skuName": "Azure Hosted Managed VNET IR",
            "meterName": "Azure Hosted Managed VNET IR Pipeline Activity",
        },
        "1 Hour",
        "1",
    ),
    (
        "Azure Synapse Analytics",
        "westeurope",
        {
            "productName": "Azure Synapse Analytics Pipelines",
            "skuName": "Azure Hosted IR",
            "meterName": "Azure Hosted IR External Pipeline Activity",
        },
        "1 Hour",
        "0.00025",
    ),
    (
        "Azure Synapse Analytics",
        "westeurope",
        {
            "productName": "Azure Synapse Analytics Pipelines",
            "skuName": "Self Hosted IR",
            "meterName": "Self Hosted IR Data Movement",
        },
        "1 Hour",
        "0.1",
    ),
    (
        "Azure Synapse Analytics",
        "westeurope",
        {
            "productName": "Azure Synapse Analytics Pipelines",
            "skuName": "Self Hosted IR",
            "meterName": "Self Hosted IR External Pipeline Activity",
        },
        "1 Hour",
        "0.0001",
    ),
    # Hot blob capacity of StorageV2 accounts (first 50 TB tier)
    (
        "Storage",
        "westus",
        {"productName": "Blob Storage", "skuName": "Hot LRS", "meterName": "Hot LRS Data Stored"},
        "1 GB/Month",
        "0.0208",
    ),
    (
        "Storage",
        "westus",
        {"productName": "General Block Blob v2", "skuName": "Hot ZRS", "meterName": "Hot ZRS Data Stored"},
        "1 GB/Month",
        "0.026",
    ),
    (
        "Storage",
        "westus",
        {"productName": "General Block Blob v2", "skuName": "Hot RA-GRS", "meterName": "Hot RA-GRS Data Stored"},
        "1 GB/Month",
        "0.0478",
    ),
    (
        "Storage",
        "westeurope",
        {"productName": "Blob Storage", "skuName": "Hot LRS", "meterName": "Hot LRS Data Stored"},
        "1 GB/Month",
        "0.0196",
    ),
    (
        "Storage",
        "westeurope",
        {"productName": "General Block Blob v2", "skuName": "Hot GRS", "meterName": "Hot GRS Data Stored"},
        "1 GB/Month",
        "0.0392",
    ),
    (
        "Storage",
        "westeurope",
        {"productName": "General Block Blob v2", "skuName": "Hot RA-GZRS", "meterName": "Hot RA-GZRS Data Stored"},
        "1 GB/Month",
        "0.0575",
    ),
    # sql_database_test lines labelled West Europe, stored in eastus where its databases are
    (
        "SQL Database",
        "eastus",
        {"productName": "SQL Database Single Standard", "skuName": "S0"},
        "1/Day",
        "0.4839452054",
    ),  # 0.02016438356 x 24
    ("SQL Database", "eastus", {"productName": "SQL Database Single Premium", "skuName": "P1"}, "1/Day", "15"),
    (
        "SQL Database",
        "eastus",
        {
            "productName": "SQL Database Single/Elastic Pool General Purpose - Compute Gen5",
            "skuName": "2 vCore",
            "meterName": "vCore",
        },
        "1 Hour",
        "0.3044383562",
    ),
    (
        "SQL Database",
        "eastus",
        {
            "productName": "SQL Database Single/Elastic Pool Business Critical - Compute Gen5",
            "skuName": "2 vCore",
            "meterName": "vCore",
        },
        "1 Hour",
        "0.6088767123",
    ),
    (
        "SQL Database",
        "eastus",
        {
            "productName": "SQL Database Single/Elastic Pool General Purpose - Compute Gen5",
            "skuName": "2 vCore Zone Redundancy",
            "meterName": "Zone Redundancy vCore",
        },
        "1 Hour",
        "0.1826575342",
    ),
    (
        "Virtual WAN",
        "westeurope",
        {"productName": "Virtual WAN", "skuName": "Standard Hub", "meterName": "Standard Hub Unit"},
        "1 Hour",
        "0.25",
    ),
    (
        "Virtual WAN",
        "westeurope",
        {"productName": "Virtual WAN", "skuName": "VPN S2S Scale Unit", "meterName": "VPN S2S Scale Unit"},
        "1 Hour",
        "0.361",
    ),  # 263.53 per unit-month / 730
    (
        "Virtual WAN",
        "westeurope",
        {"productName": "Virtual WAN", "skuName": "VPN S2S Connection Unit", "meterName": "VPN S2S Connection Unit"},
        "1 Hour",
        "0.05",
    ),
    # data storage by tier and redundancy (eastus single databases, West Europe elastic pools)
    *[
        (
            "SQL Database",
            region,
            {"productName": f"SQL Database Single/Elastic Pool {tier} - Storage", "skuName": sku},
            "1 GB/Month",
            price,
        )
        for region, tier, sku, price in (
            ("eastus", "General Purpose", "General Purpose", "0.115"),
            ("eastus", "General Purpose", "General Purpose Zone Redundancy", "0.23"),
            ("eastus", "Business Critical", "Business Critical", "0.25"),
            ("westeurope", "General Purpose", "General Purpose", "0.1369"),
            ("westeurope", "General Purpose", "General Purpose Zone Redundancy", "0.274"),
            ("westeurope", "Business Critical", "Business Critical", "0.2975"),
        )
    ],
    # eDTU elastic pools: per day (the lines show daily / 24 per hour)
    *[
        (
            "SQL Database",
            "westeurope",
            {"productName": f"SQL Database Elastic Pool - {tier}", "skuName": f"{n} DTU Pack", "meterName": "eDTUs"},
            "1/Day",
            price,
        )
        for tier, n, price in (("Basic", 100, "4.84011"), ("Standard", 200, "14.49995"), ("Premium", 500, "90"))
    ],
    *[
        (
            "SQL Managed Instance",
            "westeurope",
            {"productName": f"SQL Managed Instance {tier} - Compute Gen5", "skuName": f"{n} vCore"},
            "1 Hour",
            price,
        )
        for tier, n, price in (
            ("General Purpose", 4, "0.6697534247"),
            ("General Purpose", 16, "2.679027397"),
            ("Business Critical", 40, "13.39516438"),
        )
    ],
    (
        "SQL Managed Instance",
        "westeurope",
        {"productName": "SQL Managed Instance General Purpose - Storage", "skuName": "General Purpose"},
        "1 GB/Month",
        "0.136875",
    ),
    (
        "SQL Database",
        "global",
        {"productName": "SQL Database SingleDB/Elastic Pool Hyperscale - SQL License"},
        "1 Hour",
        "0.09996575342",
    ),
    (
        "SQL Database",
        "westeurope",
        {
            "productName": "SQL Database Single/Elastic Pool Business Critical - Compute DC-Series",
            "skuName": "8 vCore",
            "meterName": "vCore",
        },
        "1 Hour",
        "6.336",
    ),
    # the region-less S3 line: its server's location is a data source, priced in the default eastus
    ("SQL Database", "eastus", {"productName": "SQL Database Single Standard", "skuName": "S3"}, "1/Day", "4.838794"),
    (
        "SQL Managed Instance",
        "westeurope",
        {"productName": "SQL Managed Instance - LTR Backup Storage", "meterName": "LTR Backup LRS Data Stored"},
        "1 GB/Month",
        "0.0298",
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


def test_disk_operations_are_metered_per_tier() -> None:
    """No tier-less "Disk Operations" meter: Azure meters operations per disk tier, so a lookup names the tier."""
    found = _query(
        "--provider",
        "azure",
        "--service",
        "Storage",
        "--region",
        "eastus",
        "--attr",
        "productName=Standard SSD Managed Disks",
    )
    meters = sorted(r["attributes"]["meterName"] for r in found)  # type: ignore[index]
    assert "Disk Operations" not in meters
    assert {"E4 LRS Disk Operations", "E30 LRS Disk Operations"} <= set(meters)


def _tiers(found: list[dict[str, str]]) -> list[tuple[Decimal, Decimal]]:
    return sorted((Decimal(r["tier_start"]), Decimal(r["price"])) for r in found)


@pytest.mark.parametrize(
    ("service", "attrs", "wrong_region"),
    [
        ("Load Balancer", {"meterName": "Standard Data Processed"}, "eastus"),
        ("Load Balancer", {"meterName": "Standard Data Processed"}, "westeurope"),
        ("NAT Gateway", {"meterName": "Standard Gateway"}, "westeurope"),
        ("Virtual Network", {"productName": "Virtual Network Private Link"}, "westus"),
        ("Azure Monitor", {"skuName": "Notifications"}, "southcentralus"),
        ("Traffic Manager", {"skuName": "Azure Endpoint"}, "westeurope"),
        ("SQL Database", {"productName": "SQL Database Single/Elastic Pool General Purpose - SQL License"}, "eastus"),
    ],
)
def test_global_meters_are_not_stored_in_the_line_region(
    service: str, attrs: dict[str, str], wrong_region: str
) -> None:
    """Azure sells these meters in "Global"; the region a price_facts line names must not get a copy."""
    assert not _query("--provider", "azure", "--service", service, "--region", wrong_region, *_attrs(attrs))


def test_private_endpoint_data_processed_is_one_tiered_product_per_direction() -> None:
    for meter in ("Standard Data Processed - Ingress", "Standard Data Processed - Egress"):
        found = _query(
            "--provider",
            "azure",
            "--service",
            "Virtual Network",
            "--region",
            "global",
            "--attr",
            "productName=Virtual Network Private Link",
            "--attr",
            f"meterName={meter}",
        )
        assert len({r["sku"] for r in found}) == 1, found
        assert _tiers(found) == [
            (Decimal(0), Decimal("0.01")),
            (Decimal(1000000), Decimal("0.006")),
            (Decimal(5000000), Decimal("0.004")),
        ]


def test_tiered_meters_start_where_azure_bills_them() -> None:
    """Included allowances are not priced: the paid tiers start at Azure's tierMinimumUnits."""
    pushes = _query(
        "--provider",
        "azure",
        "--service",
        "Notification Hubs",
        "--region",
        "eastus",
        "--attr",
        "skuName=Standard",
        "--attr",
        "meterName=Standard Pushes",
    )
    assert _tiers(pushes) == [(Decimal(10), Decimal(10)), (Decimal(100), Decimal("2.5"))]
    ops = _query(
        "--provider",
        "azure",
        "--service",
        "Service Bus",
        "--region",
        "westeurope",
        "--attr",
        "meterName=Standard Messaging Operations",
    )
    assert _tiers(ops) == [(Decimal(13), Decimal("0.8"))]
    alerts = _query(
        "--provider",
        "azure",
        "--service",
        "Azure Monitor",
        "--region",
        "eastus",
        "--attr",
        "meterName=Alerts Metric Monitored",
    )
    assert _tiers(alerts) == [(Decimal(10), Decimal("0.1"))]


def test_classic_redis_cache_and_cache_instance_meters_are_not_confused() -> None:
    """Premium is priced per node ("P1 Cache Instance"), Standard/Basic per cache ("C3 Cache"): no cross-over rows."""
    premium = _query(
        "--provider",
        "azure",
        "--service",
        "Redis Cache",
        "--region",
        "eastus",
        "--attr",
        "productName=Azure Redis Cache Premium",
    )
    assert {r["attributes"]["meterName"] for r in premium} == {
        "P1 Cache Instance",
        "P2 Cache Instance",  # type: ignore[index]
        "P3 Cache Instance",
    }
    standard = _query(
        "--provider",
        "azure",
        "--service",
        "Redis Cache",
        "--region",
        "eastus",
        "--attr",
        "productName=Azure Redis Cache Standard",
    )
    assert {r["attributes"]["meterName"] for r in standard} == {"C3 Cache"}  # type: ignore[index]


def test_hot_blob_capacity_is_the_first_volume_tier_only() -> None:
    """Azure bills Hot capacity in 0 / 51200 / 512000 GB tiers; a "Capacity" line is the first one, not a flat price."""
    for region, attrs in (
        ("westus", {"productName": "Blob Storage", "skuName": "Hot LRS", "meterName": "Hot LRS Data Stored"}),
        (
            "westus",
            {
                "productName": "General Block Blob v2 Hierarchical Namespace",
                "skuName": "Hot LRS",
                "meterName": "Hot LRS Data Stored",
            },
        ),
        (
            "westeurope",
            {"productName": "General Block Blob v2", "skuName": "Hot GZRS", "meterName": "Hot GZRS Data Stored"},
        ),
    ):
        found = _query("--provider", "azure", "--service", "Storage", "--region", region, *_attrs(attrs))
        assert [(r["tier_start"], r["tier_end"]) for r in found] == [("0", "51200")], found


def test_sql_database_test_lines_are_not_stored_in_west_europe() -> None:
    """sql_database_test's databases are in eastus; its "West Europe" label must not create westeurope products."""
    for attrs in (
        {"productName": "SQL Database Single Premium"},
        {"productName": "SQL Database Single Standard"},
        {"productName": "SQL Database Single/Elastic Pool Business Critical - Compute Gen5"},
    ):
        assert not _query("--provider", "azure", "--service", "SQL Database", "--region", "westeurope", *_attrs(attrs))


def test_basic_static_ip_is_stored_where_it_was_printed() -> None:
    """0.0036 was printed only by a West US Basic IP (lb_rule_v2_test): eastus holds no Basic static price."""
    found = _query(
        "--provider",
        "azure",
        "--service",
        "Virtual Network",
        "--region",
        "eastus",
        "--attr",
        "meterName=Basic IPv4 Static Public IP",
    )
    assert found == []
