"""The done-when checks on the shipped catalog (query in all three clouds, coverage in
`catalog info`), and `catalog diff` between two catalogs."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from costgate.pricing.build.writer import BuildReport, write_catalog
from costgate.pricing.manifest import SourceInfo
from tests.helpers import run_cli
from tests.pricing.conftest import SEED_ROWS, row


def _query(*args: str) -> list[dict[str, str]]:
    result = run_cli("catalog", "query", "--format", "json", "--max-catalog-age-days", "0", *args)
    assert result.code == 0, result.err
    return json.loads(result.out)  # type: ignore[no-any-return]


def test_query_aws_m5_large_us_east_1() -> None:
    found = _query(
        "--provider",
        "aws",
        "--service",
        "AmazonEC2",
        "--region",
        "us-east-1",
        "--attr",
        "instanceType=m5.large",
        "--attr",
        "operatingSystem=Linux",
        "--attr",
        "tenancy=Shared",
    )
    assert {Decimal(r["price"]) for r in found} == {Decimal("0.096")}
    assert all(r["unit"] == "Hrs" and r["price_date"] for r in found)


def test_query_azure_standard_d2s_v3_eastus() -> None:
    found = _query("--provider", "azure", "--region", "eastus", "--attr", "armSkuName=Standard_D2s_v3")
    assert [(Decimal(r["price"]), r["unit"], r["service"]) for r in found] == [
        (Decimal("0.096"), "1 Hour", "Virtual Machines")
    ]


def test_query_gcp_e2_standard_2_us_central1() -> None:
    found = _query(
        "--provider",
        "google",
        "--region",
        "us-central1",
        "--attr",
        "machineType=e2-standard-2",
        "--attr",
        "usageType=OnDemand",
    )
    (hit,) = found
    assert abs(Decimal(hit["price"]) - Decimal("0.06701")) < Decimal("0.00001") and hit["unit"] == "h"


def test_query_rds_multi_az_postgres_eu_west_1_from_terracost() -> None:
    found = _query(
        "--provider",
        "aws",
        "--service",
        "AmazonRDS",
        "--region",
        "eu-west-1",
        "--attr",
        "instanceType=db.m5.large",
        "--attr",
        "databaseEngine=PostgreSQL",
        "--attr",
        "deploymentOption=Multi-AZ",
    )
    assert found and {r["source"] for r in found} == {"terracost-aws-euwest1"}
    assert {Decimal(r["price"]) for r in found if r["purchase_option"] == "on_demand"} == {Decimal("0.394")}


def test_query_table_names_the_catalog_date() -> None:
    result = run_cli(
        "catalog",
        "query",
        "--provider",
        "azure",
        "--region",
        "eastus",
        "--attr",
        "armSkuName=Standard_D2s_v3",
        "--max-catalog-age-days",
        "0",
    )
    assert result.code == 0
    assert result.out.startswith("# catalog ") and "price date 20" in result.out.splitlines()[0]
    assert "0.096 USD/1 Hour" in result.out


def test_info_json_coverage() -> None:
    result = run_cli("catalog", "info", "--format", "json", "--max-catalog-age-days", "0")
    assert result.code == 0, result.err
    doc = json.loads(result.out)
    assert doc["region_counts"]["azure"] >= 57 and len(doc["regions"]["azure"]) >= 57
    assert doc["region_counts"]["google"] >= 40
    assert doc["region_counts"]["aws"] >= 4
    assert {"us-east-1", "us-gov-west-1", "us-gov-east-1", "cn-north-1", "eu-west-1"} <= set(doc["regions"]["aws"])
    assert doc["coverage_matrix"]["azure"]["Virtual Machines"]["regions"] >= 57
    assert doc["coverage_matrix"]["google"]["Compute Engine"]["rows"] > 10_000
    assert doc["price_date"] and set(doc["newest_price_date_by_provider"]) == {"aws", "azure", "google"}
    cn = [f for f in doc["files"] if f["path"].startswith("aws/AmazonEC2/cn-north-1")]
    assert cn and cn[0]["price_date"] == "2024-11-06"


def test_shipped_cn_prices_are_marked_cny() -> None:
    found = _query("--provider", "aws", "--region", "cn-north-1", "--limit", "5")
    assert found and {r["currency"] for r in found} == {"CNY"}


def test_shipped_catalog_has_no_metal_rows_from_karpenter() -> None:
    found = _query("--provider", "aws", "--region", "us-east-1", "--attr", "instanceType=m5.metal")
    assert found == []  # karpenter's *.metal prices are dedicated-host prices: dropped


@pytest.fixture
def new_catalog(tmp_path: Path) -> Path:
    rows = [r for r in SEED_ROWS if r.region != "eu-west-1" and r.provider != "google"]
    rows[0] = row(
        "aws",
        "AmazonEC2",
        "us-east-1",
        {**rows[0].attributes, "usagetype": "BoxUsage:m5.large"},
        "0.096",
        source="fresh",
    )  # more attributes, new price: still the same product
    rows.append(
        row("aws", "AmazonEC2", "us-east-1", {"instanceType": "m7g.large", "operatingSystem": "Linux"}, "0.0816")
    )
    rows.append(
        row(
            "google",
            "Compute Engine",
            "us-central1",
            {"machineType": "e2-standard-2", "usageType": "OnDemand"},
            "0.06701142",
            unit="h",
            family="Compute",
        )
    )
    out = tmp_path / "new"
    write_catalog(
        rows,
        out,
        [
            SourceInfo(id="seed", upstream="t", price_date="2026-11-01"),
            SourceInfo(id="fresh", upstream="t", price_date="2026-11-20"),
        ],
        BuildReport(),
    )
    return out


def test_diff_json(seed_catalog: Path, new_catalog: Path) -> None:
    result = run_cli("catalog", "diff", str(seed_catalog), str(new_catalog), "--format", "json")
    assert result.code == 0, result.err
    doc = json.loads(result.out)
    assert doc["summary"] == {"changed": 2, "added": 1, "removed": 1, "unchanged": 2}
    changes = {(c["attributes"].get("instanceType") or c["attributes"].get("machineType")): c for c in doc["changed"]}
    m5 = changes["m5.large"]
    assert (m5["old_price"], m5["new_price"], m5["change"], m5["change_percent"]) == ("0.09", "0.096", "0.006", "6.67")
    assert changes["e2-standard-2"]["old_price"] == "0.07"
    assert [a["attributes"]["instanceType"] for a in doc["added"]] == ["m7g.large"]
    assert [(r["region"], r["old_price"]) for r in doc["removed"]] == [("eu-west-1", "0.107")]
    assert doc["scopes_removed"] == ["aws AmazonEC2 eu-west-1"]
    assert doc["old"]["price_date"] and doc["new"]["catalog_id"]


def test_diff_table(seed_catalog: Path, new_catalog: Path) -> None:
    result = run_cli("catalog", "diff", str(seed_catalog), str(new_catalog))
    assert result.code == 0, result.err
    assert "2 prices changed, 1 added, 1 removed, 2 unchanged" in result.out
    assert "0.09 -> 0.096 USD (+0.006, +6.67%)" in result.out
    assert result.out.splitlines()[0].startswith("catalog ") and "price date" in result.out.splitlines()[0]


def test_diff_of_a_missing_catalog_is_exit_2(tmp_path: Path, seed_catalog: Path) -> None:
    result = run_cli("catalog", "diff", str(tmp_path / "nope"), str(seed_catalog))
    assert result.code == 2 and "manifest not found" in result.err and "nope" in result.err
