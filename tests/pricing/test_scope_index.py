"""The per-scope index cache is checked on every open: a tampered, truncated, corrupt or foreign
index is never used but rebuilt from the (sha256-checked) data file; a killed build's
temporary file is removed; a cache dir that cannot be written still prices (in memory)."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from costgate.pricing.scope_index import INDEX_DIRNAME, TEMP_PREFIX, remove_leftovers
from costgate.pricing.store import CatalogStore
from tests.helpers import EXAMPLE_PLAN, run_cli

M5 = [("instanceType", "m5.large"), ("operatingSystem", "Linux")]


def _price(store: CatalogStore) -> Decimal:
    (product,) = store.candidates("aws", "AmazonEC2", "us-east-1", M5)
    return product.price


def _index_files(cache: Path) -> list[Path]:
    return sorted((cache / INDEX_DIRNAME).glob("*.sqlite"))


@pytest.fixture
def built(seed_catalog: Path, tmp_path: Path) -> tuple[Path, Path]:
    """The seed catalog with its us-east-1 EC2 scope indexed in a private cache."""
    cache = tmp_path / "cache"
    assert _price(CatalogStore.open(seed_catalog, cache=cache)) == Decimal("0.09")
    (index,) = _index_files(cache)
    return cache, index


def test_only_the_scopes_a_lookup_needs_are_indexed(seed_catalog: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    store = CatalogStore.open(seed_catalog, cache=cache)
    assert not _index_files(cache)  # opening reads the manifest only
    _price(store)
    (index,) = _index_files(cache)
    source_sha = next(f.sha256 for f in store.manifest.files if f.path.startswith("aws/AmazonEC2/us-east-1"))
    assert index.name.startswith(source_sha + "-")  # named for the catalog content it was built from
    meta = dict(sqlite3.connect(index).execute("SELECT key, value FROM meta"))
    assert meta["source_sha256"] == source_sha and meta["region"] == "us-east-1" and meta["rows"] == "2"


def test_a_price_changed_in_the_index_is_detected_and_rebuilt(seed_catalog: Path, built: tuple[Path, Path]) -> None:
    cache, index = built
    conn = sqlite3.connect(index)
    assert conn.execute("UPDATE products SET price = '0.0001' WHERE price = '0.09'").rowcount == 1
    conn.commit()
    conn.close()
    assert _price(CatalogStore.open(seed_catalog, cache=cache)) == Decimal("0.09")  # never the tampered 0.0001
    (rebuilt,) = _index_files(cache)
    assert "0.0001" not in {r[0] for r in sqlite3.connect(rebuilt).execute("SELECT price FROM products")}


@pytest.mark.parametrize("damage", ["truncated", "garbage", "empty"])
def test_a_truncated_or_corrupt_index_is_rebuilt_not_an_internal_error(
    seed_catalog: Path, built: tuple[Path, Path], damage: str
) -> None:
    cache, index = built
    data = index.read_bytes()
    index.write_bytes({"truncated": data[: len(data) // 3], "garbage": os.urandom(len(data)), "empty": b""}[damage])
    assert _price(CatalogStore.open(seed_catalog, cache=cache)) == Decimal("0.09")
    assert len(_index_files(cache)) == 1


def test_a_corrupt_index_through_the_cli_is_rebuilt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "cache"
    monkeypatch.setenv("COSTGATE_CACHE_DIR", str(cache))
    first = run_cli("breakdown", "--plan", str(EXAMPLE_PLAN), "--format", "json", "--max-catalog-age-days", "0")
    assert first.code == 0, first.err
    for index in _index_files(cache):
        index.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)
    again = run_cli("breakdown", "--plan", str(EXAMPLE_PLAN), "--format", "json", "--max-catalog-age-days", "0")
    assert again.code == 0 and _without_config_line(again.err) == "" and again.out == first.out


def test_an_index_of_another_scope_under_this_name_is_not_used(seed_catalog: Path, built: tuple[Path, Path]) -> None:
    cache, index = built
    store = CatalogStore.open(seed_catalog, cache=cache)
    assert store.candidates("aws", "AmazonEC2", "eu-west-1", M5)
    other = next(p for p in _index_files(cache) if p != index)
    # a valid index (its own digest matches) placed under this scope's content hash
    foreign = index.with_name(index.name.split("-", 1)[0] + "-" + other.name.split("-", 1)[1])
    index.unlink()
    other.rename(foreign)
    assert _price(CatalogStore.open(seed_catalog, cache=cache)) == Decimal("0.09")


def test_a_killed_build_leaves_nothing_behind(tmp_path: Path) -> None:
    folder = tmp_path / INDEX_DIRNAME
    folder.mkdir()
    gone = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True, check=True
    )
    dead = folder / f"{TEMP_PREFIX}{gone.stdout.strip()}-abcd.tmp"
    dead.write_bytes(b"half an index")
    mine = folder / f"{TEMP_PREFIX}{os.getpid()}-abcd.tmp"  # a build in progress in a live process
    mine.write_bytes(b"being written")
    assert remove_leftovers(folder) == [dead]
    assert not dead.exists() and mine.exists()
    assert remove_leftovers(folder, now=mine.stat().st_mtime + 7200) == [mine]  # an hour-old one goes too


def test_a_build_removes_leftovers_of_killed_builds(seed_catalog: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    (cache / INDEX_DIRNAME).mkdir(parents=True)
    leftover = cache / INDEX_DIRNAME / f"{TEMP_PREFIX}999999999-dead.tmp"
    leftover.write_bytes(b"x")
    legacy = cache / "catalog-0123456789abcdef-v3.sqlite"
    legacy.write_bytes(b"an old whole-catalog index")
    older = cache / "index-v4"
    older.mkdir()
    (older / "abc-def.sqlite").write_bytes(b"an index of an earlier schema")
    _price(CatalogStore.open(seed_catalog, cache=cache))
    assert not leftover.exists() and not legacy.exists() and not older.exists()


def test_a_cache_dir_that_cannot_be_written_still_prices(seed_catalog: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")  # works even as root, unlike a chmod
    cache = blocker / "cache"
    assert _price(CatalogStore.open(seed_catalog, cache=cache)) == Decimal("0.09")  # indexed in memory


def _without_config_line(err: str) -> str:
    """stderr without the line naming the config used (docs/cli.md), which every run writes."""
    return "".join(line for line in err.splitlines(keepends=True) if not line.startswith("costgate: config: "))
