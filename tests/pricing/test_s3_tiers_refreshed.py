"""600 TB of S3 Standard storage priced by the real S3 pricer across AWS's three storage tiers.

The shipped catalog holds only S3's first tier (its public source prints no other), so the
test refreshes a catalog from a local server serving an S3 price list in AWS's bulk CSV format
(tests/fixtures/prices/aws/AmazonS3_us-east-1.csv: 0.023 first 50 TB, 0.022 next 450 TB, 0.021
over 500 TB, as aws.amazon.com/s3/pricing lists them), then prices a Terraform-made plan
through the CLI: reader, S3 pricer, tiered lookup, JSON report.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

from pytest_httpserver import HTTPServer

from costgate.pricing.refresh.progress import NullProgress
from costgate.pricing.refresh.run import RefreshRequest, refresh
from tests.helpers import FIXTURES, run_cli
from tests.pricing.conftest import PRICES
from tests.pricing.test_refresh import client

S3_CSV_PATH = "/offers/v1.0/aws/AmazonS3/20261120180211/us-east-1/index.csv"
PLAN = FIXTURES / "resources" / "aws" / "s3_bucket" / "plan.json"


def _refreshed_catalog(server: HTTPServer, seed_catalog: Path) -> Path:
    server.expect_request("/offers/v1.0/aws/index.json").respond_with_data(
        (PRICES / "aws" / "offer_index.json").read_bytes(), content_type="application/json"
    )
    server.expect_request("/offers/v1.0/aws/AmazonS3/current/region_index.json").respond_with_data(
        (PRICES / "aws" / "region_index_s3.json").read_bytes(), content_type="application/json"
    )
    server.expect_request(S3_CSV_PATH).respond_with_data(
        (PRICES / "aws" / "AmazonS3_us-east-1.csv").read_bytes(), content_type="text/csv"
    )
    request = RefreshRequest(
        providers=("aws",),
        services=("AmazonS3",),
        regions=("us-east-1",),
        aws_source="bulk",
        aws_base_url=server.url_for("").rstrip("/"),
    )
    refresh(request, seed_catalog, http=client(), progress=NullProgress())
    return seed_catalog


def _storage(catalog: Path, tmp_path: Path, gb: int) -> dict[str, object]:
    usage = tmp_path / "usage.yml"
    usage.write_text(f"version: 0.1\nresource_usage:\n  aws_s3_bucket.plain:\n    standard:\n      storage_gb: {gb}\n")
    result = run_cli(
        "breakdown",
        "--plan",
        str(PLAN),
        "--usage-file",
        str(usage),
        "--catalog-dir",
        str(catalog),
        "--format",
        "json",
        "--max-catalog-age-days",
        "0",
    )
    assert result.code == 0, result.err
    doc = json.loads(result.out)
    bucket = next(r for r in doc["projects"][0]["resources"] if r["address"] == "aws_s3_bucket.plain")
    comp: dict[str, object] = next(
        c for c in bucket["components"] if c["name"] == "Storage" and c["path"] == "Standard"
    )
    return comp


def test_600_tb_standard_storage_crosses_the_three_tiers(
    httpserver: HTTPServer, seed_catalog: Path, tmp_path: Path
) -> None:
    catalog = _refreshed_catalog(httpserver, seed_catalog)
    comp = _storage(catalog, tmp_path, 600 * 1024)
    first, nxt, over = Decimal(51200), Decimal(512000 - 51200), Decimal(600 * 1024 - 512000)
    expected = first * Decimal("0.023") + nxt * Decimal("0.022") + over * Decimal("0.021")
    assert Decimal(str(comp["monthly_cost"])) == expected == Decimal("13465.60")  # 1,177.60 + 10,137.60 + 2,150.40
    # not priced at the first tier's rate (600 TB x 0.023 would be 14,131.20)
    assert Decimal(str(comp["monthly_cost"])) != Decimal(600 * 1024) * Decimal("0.023")


def test_within_the_first_tier_is_the_first_tier_price(
    httpserver: HTTPServer, seed_catalog: Path, tmp_path: Path
) -> None:
    comp = _storage(_refreshed_catalog(httpserver, seed_catalog), tmp_path, 1000)
    assert Decimal(str(comp["monthly_cost"])) == Decimal("23.000")
