"""The reviewed Azure price_facts mappings for oracle cases a..k, checked through `catalog query` on the shipped catalog.

Each case is a product a future pricer will look up with the Retail Prices attributes it would use
(productName + skuName + meterName where the mapping knows them); the lookup must find exactly one product,
at the unit price the reference estimator printed for it. A mapping that drifts (a wrong name, a lost
`price:` filter that lets a swedencentral price into eastus, a monthly figure not turned into an hourly one)
makes these fail.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.pricing.catalog_queries import assert_one_at_price
from tests.pricing.catalog_queries import query as _query

OPENAI = {"productName": "Azure OpenAI"}
COSMOS = {"productName": "Azure Cosmos DB"}
KEY_VAULT = {"productName": "Key Vault"}
ISOLATED_LINUX = {"productName": "Azure App Service Isolated Plan - Linux"}
ADF = {"productName": "Azure Data Factory v2"}
ACR = {"productName": "Container Registry"}
COOL_LRS_V2 = {"productName": "General Block Blob v2", "skuName": "Cool LRS", "meterName": "Cool LRS Data Stored"}

CASES = [
    # (service, region, attributes, catalog unit, price)
    (
        "Cognitive Services",
        "eastus",
        {**OPENAI, "skuName": "Az-Assistants-Code-Interpreter", "meterName": "Az-Assistants-Code-Interpreter Session"},
        "1",
        "0.03",
    ),
    # regional gpt-4.5 input in eastus; swedencentral's 0.09075 is labelled eastus in price_facts and must stay out
    ("Cognitive Services", "eastus", {**OPENAI, "skuName": "gpt 4.5 0227 Inp regnl"}, "1K", "0.0825"),
    ("Cognitive Services", "eastus", {**OPENAI, "skuName": "gpt 4.5 0227 Outp regnl"}, "1K", "0.165"),
    (
        "Cognitive Services",
        "eastus",
        {**OPENAI, "skuName": "Az-Embeddings-Ada", "meterName": "Az-Embeddings-Ada Tokens"},
        "1K",
        "0.0001",
    ),
    (
        "Cognitive Services",
        "eastus",
        {**OPENAI, "skuName": "Az-GPT35-Turbo-4K-FTuned", "meterName": "Az-GPT35-Turbo-4K-FTuned Training Unit"},
        "1 Hour",
        "45",
    ),
    (
        "Cognitive Services",
        "eastus",
        {
            **OPENAI,
            "skuName": "Az-GPT35-Turbo-4K-Fine Tuned-Input",
            "meterName": "Az-GPT35-Turbo-4K-Fine Tuned-Input Tokens",
        },
        "1K",
        "0.0015",
    ),
    (
        "Functions",
        "eastus",
        {"productName": "Functions", "skuName": "Standard", "meterName": "Standard Execution Time"},
        "1 GB Second",
        "0.000016",
    ),
    (
        "Functions",
        "eastus",
        {"productName": "Functions", "skuName": "Standard", "meterName": "Standard Total Executions"},
        "10",
        "0.000002",
    ),
    (
        "Functions",
        "eastus",
        {"productName": "Premium Functions", "skuName": "Premium", "meterName": "Premium vCPU Duration"},
        "1 Hour",
        "0.173",
    ),
    # Elastic Premium memory: 125.71 / 14 GB-months, recovered to the published hourly price
    (
        "Functions",
        "eastus",
        {"productName": "Premium Functions", "skuName": "Premium", "meterName": "Premium Memory Duration"},
        "1 GiB Hour",
        "0.0123",
    ),
    (
        "Azure Active Directory Domain Services",
        "australiaeast",
        {"skuName": "Enterprise", "meterName": "Enterprise User Forest"},
        "1 Hour",
        "0.4",
    ),
    ("Azure Bastion", "australiaeast", {"skuName": "Basic", "meterName": "Basic Gateway"}, "1 Hour", "0.19"),
    (
        "API Management",
        "eastus",
        {"productName": "API Management", "skuName": "Premium", "meterName": "Premium Unit"},
        "1 Hour",
        "3.829",
    ),
    (
        "API Management",
        "eastus",
        {"productName": "API Management", "skuName": "Developer", "meterName": "Developer Unit"},
        "1 Hour",
        "0.0658",
    ),
    (
        "Application Gateway",
        "eastus",
        {"productName": "Application Gateway WAF v2", "meterName": "Fixed Cost"},
        "1 Hour",
        "0.36",
    ),
    (
        "Application Gateway",
        "eastus",
        {"productName": "Application Gateway Standard v2", "meterName": "Fixed Cost"},
        "1 Hour",
        "0.2",
    ),
    ("Azure Databricks", "eastus", {"skuName": "Standard All-purpose Compute"}, "1 Hour", "0.40"),
    ("Azure Databricks", "eastus", {"skuName": "Standard Jobs Light Compute"}, "1 Hour", "0.07"),
    (
        "Azure Data Factory v2",
        "westeurope",
        {"productName": "Azure Data Factory v2", "skuName": "Cloud", "meterName": "Cloud Read Write Operations"},
        "50K",
        "0.50",
    ),
    (
        "Azure Data Factory v2",
        "westeurope",
        {"productName": "Azure Data Factory v2", "skuName": "Cloud", "meterName": "Cloud Orchestration Activity Run"},
        "1K",
        "1.00",
    ),
    (
        "Virtual WAN",
        "westeurope",
        {"skuName": "ExpressRoute Scale Unit", "meterName": "ExpressRoute Scale Unit"},
        "1 Hour",
        "0.42",
    ),
    (
        "Virtual WAN",
        "westeurope",
        {"skuName": "ExpressRoute Connection Unit", "meterName": "ExpressRoute Connection Unit"},
        "1 Hour",
        "0.05",
    ),
    # second round: lines whose label is another region's are stored where the oracle resource sits
    ("Azure Cosmos DB", "westus", {**COSMOS, "skuName": "RUs", "meterName": "100 RU/s"}, "1/Hour", "0.008"),
    ("Azure Cosmos DB", "centralus", {**COSMOS, "skuName": "RUs", "meterName": "100 RU/s"}, "1/Hour", "0.008"),
    ("Azure Cosmos DB", "eastus", {**COSMOS, "skuName": "RUs", "meterName": "100 RU/s"}, "1/Hour", "0.008"),
    ("Azure Cosmos DB", "westus", {**COSMOS, "skuName": "RUs", "meterName": "Data Stored"}, "1 GB/Month", "0.25"),
    # third round: analytical store, backups and serverless request units (account regions from the oracle *.tf)
    (
        "Azure Cosmos DB",
        "westus",
        {
            "productName": "Azure Cosmos DB Analytics Storage",
            "skuName": "Standard",
            "meterName": "Standard Data Stored",
        },
        "1 GB/Month",
        "0.03",
    ),
    *[
        (
            "Azure Cosmos DB",
            region,
            {"productName": "Azure Cosmos DB Snapshot", "skuName": "Standard", "meterName": "Backup Data Stored"},
            "1 GB/Month",
            price,
        )
        for region, price in (("westus", "0.15"), ("centralus", "0.15"), ("eastus", "0.12"))
    ],
    *[
        (
            "Azure Cosmos DB",
            region,
            {
                "productName": "Azure Cosmos DB - PITR",
                "skuName": "Backup",
                "meterName": "Cont 30D Bckp Continuous Backup",
            },
            "1 GB",
            price,
        )
        for region, price in (("westus", "0.2"), ("centralus", "0.246"))  # not the cent-rounded 0.25
    ],
    (
        "Azure Cosmos DB",
        "westus",
        {"productName": "Azure Cosmos DB serverless", "skuName": "RUs", "meterName": "1M RUs"},
        "1M",
        "0.279",
    ),
    # PostgreSQL Dadsv5 (high_availability, one node); MySQL's 0.195 for the same size stays out
    (
        "Azure Database for PostgreSQL",
        "westus",
        {
            "productName": "Azure Database for PostgreSQL Flexible Server General Purpose Dadsv5 Series Compute",
            "skuName": "2 vCore",
            "meterName": "vCore",
        },
        "1 Hour",
        "0.203",
    ),
    # single servers: one line, one row per engine (mariadb/mysql/postgresql_server_test print the same figures)
    *[
        (
            f"Azure Database for {engine}",
            "eastus",
            {"productName": f"Azure Database for {engine} Single Server {tier} - Compute Gen5", "skuName": sku},
            "1 Hour",
            price,
        )
        for engine in ("MariaDB", "MySQL", "PostgreSQL")
        for tier, sku, price in (
            ("Basic", "2 vCore", "0.068"),
            ("General Purpose", "4 vCore", "0.3503972603"),
            ("Memory Optimized", "16 vCore", "1.88960274"),
        )
    ],
    *[
        (
            f"Azure Database for {engine}",
            "eastus",
            {"productName": f"Azure Database for {engine} Single Server {product}", "skuName": sku},
            "1 GB/Month",
            price,
        )
        for engine in ("MariaDB", "MySQL", "PostgreSQL")
        for product, sku, price in (
            ("Basic - Storage", "Basic", "0.1"),
            ("General Purpose - Storage", "General Purpose", "0.115"),  # not the rounded 0.116
            ("- Backup Storage", "Backup LRS", "0.1"),
            ("- Backup Storage", "Backup GRS", "0.2"),
        )
    ],
    (
        "Azure Kubernetes Service",
        "eastus",
        {"productName": "Azure Kubernetes Service", "skuName": "Standard", "meterName": "Standard Uptime SLA"},
        "1 Hour",
        "0.1",
    ),
    ("Key Vault", "eastus", {**KEY_VAULT, "skuName": "Standard", "meterName": "Operations"}, "10K", "0.03"),
    ("Key Vault", "eastus", {**KEY_VAULT, "skuName": "Premium", "meterName": "Operations"}, "10K", "0.03"),
    (
        "Key Vault",
        "eastus",
        {**KEY_VAULT, "skuName": "Standard", "meterName": "Advanced Key Operations"},
        "10K",
        "0.15",
    ),
    ("Key Vault", "eastus", {**KEY_VAULT, "skuName": "Premium", "meterName": "Secret Renewal"}, "1", "1"),
    (
        "Key Vault",
        "eastus",
        {**KEY_VAULT, "skuName": "Premium", "meterName": "Premium HSM-protected RSA 2048-bit key"},
        "1/Month",
        "1",
    ),
    ("Event Hubs", "eastus", {"skuName": "Basic", "meterName": "Basic Throughput Unit"}, "1 Hour", "0.015"),
    ("Event Hubs", "eastus", {"skuName": "Standard", "meterName": "Standard Throughput Unit"}, "1 Hour", "0.03"),
    ("Event Hubs", "eastus", {"skuName": "Premium", "meterName": "Premium Processing Unit"}, "1 Hour", "1.027"),
    ("Event Hubs", "eastus", {"skuName": "Dedicated", "meterName": "Dedicated Capacity Unit"}, "1 Hour", "6.849"),
    ("Event Hubs", "eastus", {"skuName": "Standard", "meterName": "Standard Ingress Events"}, "1M", "0.028"),
    (
        "Event Grid",
        "westeurope",
        {"productName": "Event Grid", "skuName": "Standard", "meterName": "Standard Operations"},
        "100K",
        "0.06",
    ),
    (
        "Automation",
        "eastus",
        {"productName": "Process Automation", "skuName": "Basic", "meterName": "Basic Runtime"},
        "1 Minute",
        "0.002",
    ),
    (
        "Automation",
        "eastus",
        {"productName": "Process Automation", "skuName": "Basic", "meterName": "Watcher"},
        "1 Hour",
        "0.002",
    ),
    (
        "Automation",
        "eastus",
        {"productName": "Configuration Management", "skuName": "Non-Azure", "meterName": "Non-Azure Node"},
        "1/Month",
        "6",
    ),
    (
        "API Management",
        "eastus",
        {"productName": "API Management", "skuName": "Consumption", "meterName": "Consumption Calls"},
        "10K",
        "0.035",
    ),
    ("API Management", "eastus", {"skuName": "Gateway", "meterName": "Gateway Unit"}, "1 Hour", "0.3424657534"),
    # third round
    (
        "Key Vault",
        "eastus",
        {"productName": "Azure Dedicated HSM", "skuName": "Standard", "meterName": "Standard Instance"},
        "1 Hour",
        "4.85",
    ),
    ("Azure App Service", "eastus", {**ISOLATED_LINUX, "skuName": "I1"}, "1 Hour", "0.285"),
    ("Azure App Service", "eastus", {**ISOLATED_LINUX, "skuName": "I2"}, "1 Hour", "0.57"),
    ("Azure App Service", "eastus", {**ISOLATED_LINUX, "skuName": "Stamp"}, "1 Hour", "1.358"),
    # app_service_plan_test: the Windows Isolated I1 and the Linux Isolated v2 I1v2 (kind Linux)
    (
        "Azure App Service",
        "eastus",
        {"productName": "Azure App Service Isolated Plan", "skuName": "I1"},
        "1 Hour",
        "0.3",
    ),
    (
        "Azure App Service",
        "eastus",
        {"productName": "Azure App Service Isolated v2 Plan - Linux", "skuName": "I1 v2"},
        "1 Hour",
        "0.386",
    ),
    # app_service_custom_hostname_binding_test's plan: no kind, so the Windows S1
    (
        "Azure App Service",
        "eastus2",
        {"productName": "Azure App Service Standard Plan", "skuName": "S1"},
        "1 Hour",
        "0.1",
    ),
    (
        "Azure Data Factory v2",
        "westeurope",
        {**ADF, "skuName": "Self Hosted", "meterName": "Self Hosted Orchestration Activity Run"},
        "1K",
        "1.50",
    ),
    (
        "Azure Data Factory v2",
        "westeurope",
        {**ADF, "skuName": "Self Hosted", "meterName": "Self Hosted Data Movement"},
        "1 Hour",
        "0.1",
    ),
    (
        "Azure Data Factory v2",
        "westeurope",
        {**ADF, "skuName": "Self Hosted", "meterName": "Self Hosted Pipeline Activity"},
        "1 Hour",
        "0.002",
    ),
    (
        "Azure Data Factory v2",
        "westeurope",
        {**ADF, "skuName": "Azure Managed VNET", "meterName": "Azure Managed VNET Pipeline Activity"},
        "1 Hour",
        "1",
    ),
    # data flow lines print the per-vCore-hour price times the core count (2.144 for 8 vCores)
    (
        "Azure Data Factory v2",
        "westeurope",
        {"productName": "Azure Data Factory v2 Data Flow - General Purpose", "skuName": "vCore", "meterName": "vCore"},
        "1 Hour",
        "0.268",
    ),
    (
        "Azure Data Factory v2",
        "westeurope",
        {"productName": "Azure Data Factory v2 Data Flow - Compute Optimized", "skuName": "vCore"},
        "1 Hour",
        "0.1985",
    ),
    (
        "Azure Data Factory v2",
        "westeurope",
        {"productName": "Azure Data Factory v2 Data Flow - Memory Optimized", "skuName": "vCore"},
        "1 Hour",
        "0.34475",
    ),
    ("Storage", "eastus", {**COOL_LRS_V2}, "1 GB/Month", "0.0152"),
    ("Storage", "westeurope", {**COOL_LRS_V2}, "1 GB/Month", "0.01"),
    # Standard availability test executions: list price recovered from 5.65 printed for 8,760 executions
    (
        "Azure Monitor",
        "westeurope",
        {"productName": "Azure Monitor", "skuName": "Standard Web Test", "meterName": "Standard Web Test Execution"},
        "1",
        "0.000645",
    ),
    # ACR Tasks build seconds, per registry SKU that printed them (container_registry_test)
    (
        "Container Registry",
        "westeurope",
        {**ACR, "skuName": "Basic", "meterName": "Task vCPU Duration"},
        "1 Second",
        "0.0001",
    ),
    (
        "Container Registry",
        "westeurope",
        {**ACR, "skuName": "Premium", "meterName": "Task vCPU Duration"},
        "1 Second",
        "0.0001",
    ),
]


@pytest.mark.parametrize(
    ("service", "region", "attrs", "unit", "price"), CASES, ids=[f"{c[0]}:{'/'.join(c[2].values())}" for c in CASES]
)
def test_azure_product_is_unique_at_the_printed_price(
    service: str, region: str, attrs: dict[str, str], unit: str, price: str
) -> None:
    assert_one_at_price("azure", service, region, attrs, unit, price)


def test_openai_eastus_holds_no_price_printed_by_other_regions() -> None:
    """price_facts labels swedencentral's gpt-4.5 prices eastus; only eastus's own prices may be stored there."""
    found = _query(
        "--provider",
        "azure",
        "--service",
        "Cognitive Services",
        "--region",
        "eastus",
        "--attr",
        "productName=Azure OpenAI",
        "--limit",
        "500",
    )
    prices = {Decimal(str(r["price"])) for r in found}
    assert not prices & {Decimal("0.09075"), Decimal("0.045375"), Decimal("0.18"), Decimal("0.1815000045")}


def test_functions_free_grants_are_first_tiers() -> None:
    """The consumption plan's paid prices start after the free grant (400,000 GB-s; 1M executions = 100,000 x 10)."""
    starts = {
        str(r["attributes"]["meterName"]): Decimal(str(r["tier_start"]))  # type: ignore[index]
        for r in _query(
            "--provider", "azure", "--service", "Functions", "--region", "eastus", "--attr", "skuName=Standard"
        )
    }
    assert starts == {"Standard Execution Time": Decimal(400000), "Standard Total Executions": Decimal(100000)}


@pytest.mark.parametrize(
    ("service", "label_region"),
    [
        ("Azure Kubernetes Service", "westeurope"),  # "West Europe" is kubernetes_cluster_test's resource group
        ("Key Vault", "westeurope"),  # both vaults of key_vault_key_test sit in eastus
    ],
)
def test_mislabelled_lines_are_not_stored_under_their_label(service: str, label_region: str) -> None:
    """price_facts names the resource group's region; the oracle resources that printed the lines are in eastus."""
    assert _query("--provider", "azure", "--service", service, "--region", label_region) == []


def test_cosmos_lines_are_stored_in_the_region_their_item_names() -> None:
    """Every Cosmos DB line is labelled eastus; "(West US)" / "(Central US)" lines belong to those regions."""
    regions = {
        str(r["region"])
        for region in ("eastus", "westus", "centralus")
        for r in _query("--provider", "azure", "--service", "Azure Cosmos DB", "--region", region)
    }
    assert regions == {"eastus", "westus", "centralus"}
    assert not _query(
        "--provider", "azure", "--service", "Azure Cosmos DB", "--region", "eastus", "--attr", "meterName=1M RUs"
    )  # serverless request units are priced in the account's first region (westus), never the eastus label


def test_key_vault_advanced_hsm_keys_are_one_tiered_product() -> None:
    found = _query(
        "--provider",
        "azure",
        "--service",
        "Key Vault",
        "--region",
        "eastus",
        "--attr",
        "meterName=Premium HSM-protected Advanced Key",
    )
    tiers = sorted((Decimal(str(r["tier_start"])), Decimal(str(r["price"]))) for r in found)
    assert tiers == [
        (Decimal(0), Decimal(5)),
        (Decimal(250), Decimal("2.5")),
        (Decimal(1500), Decimal("0.9")),
        (Decimal(4000), Decimal("0.4")),
    ]
    assert len({str(r["sku"]) for r in found}) == 1


@pytest.mark.parametrize(
    ("service", "meter", "start"),
    [
        ("Automation", "Basic Runtime", 500),
        ("Automation", "Watcher", 744),
        ("Automation", "Non-Azure Node", 5),
        ("Event Grid", "Standard Operations", 1),
        ("API Management", "Consumption Calls", 100),
    ],
)
def test_paid_tiers_start_after_the_free_grant(service: str, meter: str, start: int) -> None:
    region = "westeurope" if service == "Event Grid" else "eastus"
    found = _query("--provider", "azure", "--service", service, "--region", region, "--attr", f"meterName={meter}")
    assert [Decimal(str(r["tier_start"])) for r in found] == [Decimal(start)]


def test_acr_build_seconds_start_after_the_free_grant() -> None:
    """ "Task vCPU Duration" is paid from 6,000 vCPU-seconds a month (Azure's zero-priced first tier)."""
    found = _query(
        "--provider",
        "azure",
        "--service",
        "Container Registry",
        "--region",
        "westeurope",
        "--attr",
        "meterName=Task vCPU Duration",
    )
    assert {Decimal(str(r["tier_start"])) for r in found} == {Decimal(6000)}
