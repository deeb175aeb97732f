"""The reviewed Cognitive Services and Microsoft Defender for Cloud mappings, checked on the shipped catalog.

Each case is a product a pricer looks up with the Retail Prices attributes it uses; the lookup must find
exactly one product at the list price behind the figure the reference estimator printed (Defender's hourly
meters are printed per 730-hour month, rounded to the cent: "4.91" is $0.00672 an hour).
"""

from __future__ import annotations

import pytest

from tests.pricing.catalog_queries import assert_one_at_price, query

OPENAI = {"productName": "Azure OpenAI"}
D = "Microsoft Defender for "
DEFENDER = "Microsoft Defender for Cloud"

CASES = [
    # (service, region, attributes, catalog unit, price)
    # AI services accounts (West Europe): commitment tiers stored as their monthly fee, not per unit
    (
        "Cognitive Services",
        "westeurope",
        {"productName": "Language Understanding", "skuName": "Commitment Tier Azure 25M", "unitOfMeasure": "1/Month"},
        "1/Month",
        "21750",
    ),
    (
        "Cognitive Services",
        "westeurope",
        {"productName": "Language Understanding", "skuName": "Commitment Tier Azure 5M", "unitOfMeasure": "1/Month"},
        "1/Month",
        "5100",
    ),
    (
        "Cognitive Services",
        "westeurope",
        {
            "productName": "Speech",
            "skuName": "Commitment Tier Custom Speech to Text Azure 50K",
            "unitOfMeasure": "1/Month",
        },
        "1/Month",
        "30000",
    ),
    (
        "Cognitive Services",
        "westeurope",
        {
            "productName": "Speech",
            "skuName": "Commitment Tier Custom Speech to Text Connected 2K",
            "unitOfMeasure": "1/Month",
        },
        "1/Month",
        "1824",
    ),
    # the same tiers' overage, told from the fee by unitOfMeasure (per 1K transactions / records)
    (
        "Cognitive Services",
        "westeurope",
        {"productName": "Language Understanding", "skuName": "Commitment Tier Azure 25M", "unitOfMeasure": "1K"},
        "1K",
        "0.87",
    ),
    (
        "Cognitive Services",
        "westeurope",
        {"productName": "Language", "skuName": "Commitment Tier Connected 3M", "unitOfMeasure": "1K"},
        "1K",
        "0.44",
    ),
    # the same tiers' overage hours, told from the fee by unitOfMeasure
    (
        "Cognitive Services",
        "westeurope",
        {
            "productName": "Speech",
            "skuName": "Commitment Tier Custom Speech to Text Azure 50K",
            "unitOfMeasure": "1 Hour",
        },
        "1 Hour",
        "0.6",
    ),
    (
        "Cognitive Services",
        "westeurope",
        {"productName": "Speech", "skuName": "Commitment Tier Speech to Text Connected 2K", "unitOfMeasure": "1 Hour"},
        "1 Hour",
        "0.76",
    ),
    (
        "Cognitive Services",
        "westeurope",
        {"productName": "Language", "skuName": "Commitment Tier Connected 3M", "unitOfMeasure": "1/Month"},
        "1/Month",
        "1100",
    ),
    ("Cognitive Services", "westeurope", {"productName": "Language Understanding", "skuName": "S1"}, "1K", "5.50"),
    (
        "Cognitive Services",
        "westeurope",
        {"productName": "Language", "meterName": "Standard Custom Summarization Text Records"},
        "1K",
        "4",
    ),
    # Azure OpenAI: each region holds the figure its own deployments printed (price_facts labels all eastus)
    ("Cognitive Services", "swedencentral", {**OPENAI, "skuName": "gpt 4.5 0227 Inp regnl"}, "1K", "0.09075"),
    ("Cognitive Services", "swedencentral", {**OPENAI, "skuName": "gpt 4.5 0227 Outp regnl"}, "1K", "0.1815"),
    ("Cognitive Services", "eastus2", {**OPENAI, "skuName": "gpt 4.5 0227 Inp regnl"}, "1K", "0.0825"),
    ("Cognitive Services", "eastus2", {**OPENAI, "skuName": "Az-GPT35-Turbo-4K-Fine Tuned-Input"}, "1K", "0.0005"),
    ("Cognitive Services", "eastus", {**OPENAI, "skuName": "Az-GPT35-Turbo-4K-Fine Tuned-Input"}, "1K", "0.0015"),
    ("Cognitive Services", "eastus2", {**OPENAI, "skuName": "Az-Assistants-Code-Interpreter"}, "1", "0.03"),
    ("Cognitive Services", "swedencentral", {**OPENAI, "skuName": "Az-Image-Dall-E-3 HD HighRes"}, "100", "12"),
    ("Cognitive Services", "eastus", {**OPENAI, "skuName": "Az-Image-DALL-E"}, "100", "2"),
    ("Cognitive Services", "swedencentral", {**OPENAI, "skuName": "Az-Speech-Text to Speech HD"}, "1M", "30"),
    (DEFENDER, "global", {"productName": D + "Servers", "meterName": "Standard P1 Node"}, "1/Hour", "0.00672"),
    (DEFENDER, "global", {"productName": D + "Servers", "meterName": "Standard P2 Node"}, "1/Hour", "0.02"),
    (DEFENDER, "global", {"productName": D + "Containers", "skuName": "Standard vCore"}, "1/Hour", "0.00941"),
    (DEFENDER, "global", {"productName": D + "Azure Cosmos DB", "meterName": "Standard 100 RU/s"}, "1/Hour", "0.0012"),
    (DEFENDER, "global", {"productName": D + "Storage", "meterName": "Standard Node"}, "1/Hour", "0.0134"),
    (DEFENDER, "global", {"productName": D + "SQL", "meterName": "Standard vCore"}, "1 Hour", "0.015"),
    (DEFENDER, "global", {"productName": D + "SQL", "meterName": "Standard Node"}, "1/Month", "15"),
    (DEFENDER, "global", {"productName": D + "PostgreSQL", "meterName": "Standard Node"}, "1/Month", "15"),
    (DEFENDER, "westus2", {"productName": D + "MariaDB", "meterName": "Standard Instance"}, "1 Hour", "0.0202"),
    (DEFENDER, "westus2", {"productName": D + "Key Vault", "meterName": "Per node Std Node"}, "1/Hour", "0.00034"),
    (
        DEFENDER,
        "westus2",
        {"productName": D + "Resource Manager", "meterName": "Per node Std Node"},
        "1/Hour",
        "0.0069",
    ),
    (DEFENDER, "westus2", {"productName": D + "DNS", "meterName": "Standard Queries"}, "1M", "0.70"),
    ("Advanced Threat Protection", "global", {"productName": D + "Kubernetes"}, "1 Hour", "0.00268"),
    ("Advanced Threat Protection", "global", {"productName": D + "Container Registries"}, "1", "0.29"),
]


@pytest.mark.parametrize(
    ("service", "region", "attrs", "unit", "price"), CASES, ids=[f"{c[0]}:{'/'.join(c[2].values())}" for c in CASES]
)
def test_product_is_unique_at_its_list_price(
    service: str, region: str, attrs: dict[str, str], unit: str, price: str
) -> None:
    assert_one_at_price("azure", service, region, attrs, unit, price)


def test_eastus2_holds_only_the_image_meter_its_deployments_printed() -> None:
    """eastus2's dall-e-3 deployments printed the standard 1024x1792 price only; the other sizes stay out."""
    found = query(
        "--provider",
        "azure",
        "--service",
        "Cognitive Services",
        "--region",
        "eastus2",
        "--attr",
        "productName=Azure OpenAI",
    )
    images = {str(r["attributes"]["skuName"]) for r in found if "Image" in str(r["attributes"]["skuName"])}  # type: ignore[index]
    assert images == {"Az-Image-Dall-E-3 Standard HighRes"}
