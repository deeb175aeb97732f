"""Shared pieces for catalog tests: a private index cache, a small catalog to refresh, and
the local price-list server's fixture files."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest

from costgate.pricing.age import reset_warnings
from costgate.pricing.build.writer import BuildReport, write_catalog
from costgate.pricing.manifest import SourceInfo
from costgate.pricing.rows import CatalogRow
from tests.helpers import FIXTURES

PRICES = FIXTURES / "prices"


@pytest.fixture(autouse=True)
def _private_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Indexes go to a per-session temp dir; no ambient cloud credentials or API keys."""
    monkeypatch.setenv("COSTGATE_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "index-cache"))
    for name in (
        "AWS_ACCESS_KEY_ID",
        "AWS_SECRET_ACCESS_KEY",
        "AWS_SESSION_TOKEN",
        "AWS_PROFILE",
        "GOOGLE_API_KEY",
        "COSTGATE_GCP_API_KEY",
        "COSTGATE_CATALOG_MAX_AGE_DAYS",
    ):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent")
    monkeypatch.setenv("AWS_CONFIG_FILE", "/nonexistent")
    monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")
    reset_warnings()
    yield
    reset_warnings()


def row(
    provider: str,
    service: str,
    region: str,
    attrs: dict[str, str],
    price: str,
    *,
    unit: str = "Hrs",
    source: str = "seed",
    date: str = "2026-01-01",
    family: str | None = "Compute Instance",
    sku: str = "",
) -> CatalogRow:
    """A catalog row with little typing."""
    return CatalogRow(
        provider=provider,
        service=service,
        family=family,
        region=region,
        attributes=attrs,
        unit=unit,
        price=Decimal(price),
        sku=sku or f"{source}:{region}:{sorted(attrs.items())}",
        source=source,
        price_date=date,
    )


SEED_ROWS = [
    row(
        "aws",
        "AmazonEC2",
        "us-east-1",
        {
            "instanceType": "m5.large",
            "operatingSystem": "Linux",
            "tenancy": "Shared",
            "preInstalledSw": "NA",
            "capacitystatus": "Used",
            "licenseModel": "No License required",
        },
        "0.090",
    ),
    row(
        "aws",
        "AmazonEC2",
        "us-east-1",
        {
            "instanceType": "t3.micro",
            "operatingSystem": "Linux",
            "tenancy": "Shared",
            "preInstalledSw": "NA",
            "capacitystatus": "Used",
            "licenseModel": "No License required",
        },
        "0.0104",
    ),
    row("aws", "AmazonEC2", "eu-west-1", {"instanceType": "m5.large", "operatingSystem": "Linux"}, "0.107"),
    row(
        "azure",
        "Virtual Machines",
        "eastus",
        {"armSkuName": "Standard_D2s_v3", "operatingSystem": "Linux"},
        "0.1",
        unit="1 Hour",
        family="Compute",
    ),
    row(
        "google",
        "Compute Engine",
        "us-central1",
        {"machineType": "e2-standard-2", "usageType": "OnDemand"},
        "0.07",
        unit="h",
        family="Compute",
    ),
]


@pytest.fixture
def seed_catalog(tmp_path: Path) -> Path:
    """A five-row catalog in three clouds, written by the real writer."""
    out = tmp_path / "pricing_data"
    write_catalog(
        list(SEED_ROWS), out, [SourceInfo(id="seed", upstream="tests", price_date="2026-01-01")], BuildReport()
    )
    return out


def snapshot(root: Path) -> dict[str, bytes]:
    """Every file of a folder, for before/after comparisons."""
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}
