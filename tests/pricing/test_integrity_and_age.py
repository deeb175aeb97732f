"""A tampered or truncated catalog file is refused when its scope is indexed (one line naming
the file, exit 2 through the CLI); the age warning is one line, once, and configurable."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest

from costgate.errors import CatalogError
from costgate.pricing.age import max_age_days, stale_warning, warn_if_stale
from costgate.pricing.manifest import load_manifest
from costgate.pricing.store import CatalogStore
from tests.helpers import run_cli


def _data_file(root: Path) -> Path:
    return root / "aws" / "AmazonEC2" / "us-east-1.jsonl"


def test_tampered_file_is_refused(seed_catalog: Path, tmp_path: Path) -> None:
    victim = _data_file(seed_catalog)
    victim.write_text(victim.read_text().replace('"0.09"', '"0.01"'))
    store = CatalogStore.open(seed_catalog, cache=tmp_path / "cache")  # reads the manifest only
    with pytest.raises(CatalogError, match="sha256") as err:
        store.candidates("aws", "AmazonEC2", "us-east-1", [("instanceType", "m5.large")])
    assert str(victim) in str(err.value)
    assert not list((tmp_path / "cache").rglob("*.sqlite")), "no index is kept for a refused file"
    assert store.candidates(
        "aws", "AmazonEC2", "eu-west-1", [("instanceType", "m5.large")]
    )  # other scopes still answer


def test_truncated_file_is_refused_through_the_cli(seed_catalog: Path) -> None:
    victim = _data_file(seed_catalog)
    data = victim.read_bytes()
    victim.write_bytes(data[: len(data) // 2])
    result = run_cli("catalog", "query", "--catalog-dir", str(seed_catalog), "--provider", "aws")
    assert result.code == 2
    lines = result.err.strip().splitlines()
    assert len(lines) == 1 and str(victim) in lines[0] and "truncated" in lines[0]
    assert "Traceback" not in result.err


def test_missing_file_is_refused(seed_catalog: Path) -> None:
    _data_file(seed_catalog).unlink()
    result = run_cli("catalog", "info", "--catalog-dir", str(seed_catalog))
    assert result.code == 2 and "missing" in result.err and str(_data_file(seed_catalog)) in result.err


def test_stale_warning_names_each_old_provider(seed_catalog: Path) -> None:
    manifest = load_manifest(seed_catalog)  # every seed row is dated 2026-01-01
    assert stale_warning(manifest, limit=120, today=date(2026, 3, 1)) is None
    line = stale_warning(manifest, limit=120, today=date(2026, 6, 1))
    assert line is not None and "\n" not in line
    assert "aws 2026-01-01 (151 days)" in line and "azure" in line and "google" in line
    assert stale_warning(manifest, limit=0, today=date(2030, 1, 1)) is None  # 0 turns it off


def test_warning_is_printed_once(seed_catalog: Path) -> None:
    manifest = load_manifest(seed_catalog)
    out = io.StringIO()
    for _ in range(3):
        warn_if_stale(manifest, flag=30, stream=out, today=date(2026, 6, 1))
    assert out.getvalue().count("\n") == 1


def test_limit_from_flag_env_or_default(monkeypatch: pytest.MonkeyPatch) -> None:
    assert max_age_days() == 120
    monkeypatch.setenv("COSTGATE_CATALOG_MAX_AGE_DAYS", "30")
    assert max_age_days() == 30 and max_age_days(7) == 7
    monkeypatch.setenv("COSTGATE_CATALOG_MAX_AGE_DAYS", "soon")
    with pytest.raises(CatalogError, match="COSTGATE_CATALOG_MAX_AGE_DAYS"):
        max_age_days()


def test_cli_warns_on_stderr_only(seed_catalog: Path) -> None:
    result = run_cli(
        "catalog", "info", "--catalog-dir", str(seed_catalog), "--format", "json", "--max-catalog-age-days", "1"
    )
    assert result.code == 0
    assert result.err.count("warning: catalog") == 1 and result.err.count("\n") == 1
    assert result.out.lstrip().startswith("{")
    quiet = run_cli("catalog", "info", "--catalog-dir", str(seed_catalog), "--max-catalog-age-days", "0")
    assert quiet.code == 0 and quiet.err == ""
