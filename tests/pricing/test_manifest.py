"""The manifest: round trip, and invalid manifests refused with the key at fault."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from costgate.errors import CatalogError
from costgate.pricing.manifest import FileInfo, Manifest, SourceInfo, load_manifest, parse_manifest

GOOD = Manifest(
    built_at="2026-11-27",
    price_date="2026-07-20",
    sources=[SourceInfo(id="s", upstream="u", price_date="2026-07-20")],
    files=[
        FileInfo(
            path="aws/X/us-east-1.jsonl",
            provider="aws",
            service="X",
            rows=1,
            sha256="ab",
            sources=["s"],
            regions=["us-east-1"],
            price_date="2026-07-20",
        )
    ],
)


def test_round_trip(tmp_path: Path) -> None:
    (tmp_path / "manifest.json").write_text(GOOD.model_dump_json(indent=1))
    loaded = load_manifest(tmp_path)
    assert loaded.model_dump() == GOOD.model_dump()
    assert loaded.catalog_id == GOOD.catalog_id and len(loaded.catalog_id) == 16


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda d: d.pop("built_at"), "built_at"),
        (lambda d: d["files"][0].pop("sha256"), "files[0].sha256: missing"),
        (lambda d: d["files"][0].update(rows="many"), "files[0].rows: expected int"),
        (lambda d: d["sources"][0].update(colour="red"), "sources[0].colour: unknown key"),
        (lambda d: d.update(version=99), "unsupported manifest version"),
    ],
)
def test_invalid_manifest_names_the_key(mutate, message: str) -> None:  # type: ignore[no-untyped-def]
    doc = GOOD.model_dump()
    mutate(doc)
    with pytest.raises(CatalogError) as err:
        parse_manifest(json.dumps(doc).encode(), "m.json")
    assert message in str(err.value) and "m.json" in str(err.value)


def test_missing_and_broken_manifest(tmp_path: Path) -> None:
    with pytest.raises(CatalogError, match="not found"):
        load_manifest(tmp_path)
    (tmp_path / "manifest.json").write_text("{")
    with pytest.raises(CatalogError, match="not valid JSON"):
        load_manifest(tmp_path)


def test_service_names_with_a_slash_stay_one_file_deep(tmp_path: Path) -> None:
    """GCP's "Cloud Pub/Sub" must not become a folder: installs ship provider/service/region files."""
    from decimal import Decimal

    from costgate.pricing.build.writer import BuildReport, write_catalog
    from costgate.pricing.rows import CatalogRow
    from costgate.pricing.store import CatalogStore

    row = CatalogRow(
        provider="google",
        service="Cloud Pub/Sub",
        family=None,
        region="us-central1",
        attributes={"skuDescription": "x"},
        unit="GiBy",
        price=Decimal("0.04"),
        source="t",
    )
    manifest = write_catalog([row], tmp_path / "data", [], BuildReport())
    assert [f.path for f in manifest.files] == ["google/Cloud Pub_Sub/us-central1.jsonl"]
    assert all(len(p.relative_to(tmp_path / "data").parts) <= 3 for p in (tmp_path / "data").rglob("*.jsonl"))
    store = CatalogStore.open(tmp_path / "data", cache=tmp_path / "cache")
    assert store.search("google", "Cloud Pub/Sub", None, [])[0].price == Decimal("0.04")
