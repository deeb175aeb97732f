"""The open catalog: the shipped manifest and, per (provider, service, region) scope, a SQLite
index cached in the user cache dir (scope_index.py), built the first time a lookup needs it.

The shipped text files are the source of truth; an index exists so that later runs answer
in milliseconds. Opening the catalog reads only the manifest, so a run pays for the scopes
its plan touches, not for the whole catalog. Every index is checked against its own digest
on open and every data file against its manifest sha256 when it is indexed.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

import orjson
import platformdirs

from costgate.errors import CatalogError
from costgate.pricing.manifest import FileInfo, Manifest, load_manifest
from costgate.pricing.scope_index import INDEX_DIRNAME, IndexCache, ScopeIndex, ScopeSource, file_sha256

if TYPE_CHECKING:  # attached only by --fetch-prices missing|all (gzip and the overlay are not loaded offline)
    from costgate.pricing.overlay import Overlay

Scope = tuple[str, str, str]


def default_data_dir() -> Path:
    """Where the shipped catalog lives: $COSTGATE_PRICING_DATA, the installed copy, or the checkout."""
    env = os.environ.get("COSTGATE_PRICING_DATA")
    if env:
        return Path(env)
    checkout = Path(__file__).resolve().parents[2] / "pricing_data"
    if (checkout / "manifest.json").exists():
        return checkout
    installed = Path(__file__).resolve().parents[1] / "catalog_data"  # setup.py ships pricing_data/ here
    return installed if (installed / "manifest.json").exists() else checkout


def cache_dir() -> Path:
    """Where built indexes are kept: $COSTGATE_CACHE_DIR or the platform's user cache dir."""
    env = os.environ.get("COSTGATE_CACHE_DIR")
    return Path(env) if env else Path(platformdirs.user_cache_dir("costgate"))


@dataclass(frozen=True, slots=True)
class StoredProduct:
    """A row read back from the index."""

    id: int
    service: str
    family: str | None
    region: str
    purchase_option: str
    term: dict[str, str]
    unit: str
    price: Decimal
    currency: str
    tier_start: Decimal
    tier_end: Decimal | None
    sku: str
    source: str
    price_date: str
    description: str
    attributes: dict[str, str]


class CatalogStore:
    """An open catalog: the manifest, and per-scope indexes opened (or built) on first use.

    Opening reads only the manifest; a (provider, service, region) scope is indexed the first
    time a lookup needs it (scope_index.py), so a run pays for the scopes its plan touches.
    """

    def __init__(self, data_dir: Path, manifest: Manifest, cache: Path) -> None:
        self.data_dir = data_dir
        self.manifest = manifest
        self.cache = cache
        self._indexes = IndexCache(cache)
        self._files: dict[Scope, FileInfo] = {}
        for info in manifest.files:
            for region in info.regions or [""]:
                self._files[(info.provider, info.service, region)] = info
        self._open: dict[Scope, ScopeIndex] = {}
        self.overlay: Overlay | None = None
        """Prices fetched at run time (attached by `--fetch-prices missing|all`); None: shipped only."""
        self.overlay_first = False
        """True with `--fetch-prices all`: fetched prices win over shipped ones."""
        self.fetch_failures: dict[Scope, str] = {}
        """Scopes whose fetch failed in this run, with the reason (shown on their unpriced components)."""

    @classmethod
    def open(cls, data_dir: Path | None = None, *, cache: Path | None = None) -> CatalogStore:
        """Open the catalog at `data_dir` (its manifest only; scopes are indexed on first use).

        Raises CatalogError when the manifest is missing or invalid.
        """
        root = data_dir or default_data_dir()
        manifest = load_manifest(root)
        remove_legacy_index(cache or cache_dir())
        return cls(root, manifest, cache or cache_dir())

    def scopes(self) -> list[Scope]:
        """Every (provider, service, region) the catalog holds, sorted."""
        return sorted(self._files)

    def scope_index(self, provider: str, service: str, region: str) -> ScopeIndex | None:
        """The verified index of one scope (built on first use), or None when the catalog lacks it.

        Raises CatalogError when the scope's data file is missing or fails its sha256.
        """
        scope = (provider, service, region)
        found = self._open.get(scope)
        if found is None:
            info = self._files.get(scope)
            if info is None:
                return None
            found = self._open[scope] = self._indexes.open(
                ScopeSource(provider, service, region, self.data_dir / info.path, info.sha256, info.rows)
            )
        return found

    def candidates(
        self,
        provider: str,
        service: str,
        region: str,
        attributes: Sequence[tuple[str, str]],
        *,
        family: str | None = None,
        purchase_option: str | None = None,
        unit: str | None = None,
        limit: int | None = None,
    ) -> list[StoredProduct]:
        """Products in scope whose attributes include every (key, value) given (case-insensitive).

        SQLite narrows by the most selective attribute (the key with the most distinct
        values); the rest are checked here. Intersecting every attribute in SQL costs tens of
        milliseconds a query on common values such as operatingSystem=Linux.
        """
        index = self.scope_index(provider, service, region)
        if index is None:
            return []
        return scope_candidates(
            index, attributes, family=family, purchase_option=purchase_option, unit=unit, limit=limit
        )

    def search(
        self,
        provider: str | None,
        service: str | None,
        region: str | None,
        attributes: Sequence[tuple[str, str]],
        *,
        limit: int = 50,
    ) -> list[StoredProduct]:
        """Looser search for `catalog query`: any of provider/service/region may be omitted
        (every scope that matches the rest is indexed, so a first query over all is slower)."""
        found: list[StoredProduct] = []
        for prov, svc, reg in self.scopes():
            if (provider and prov != provider) or (service and svc != service) or (region and reg != region):
                continue
            index = self.scope_index(prov, svc, reg)
            if index is not None:
                found.extend(scope_search(index, attributes, limit=limit))
        found.sort(key=lambda p: (p.service, p.region, p.sku, p.tier_start))
        return found[: max(0, int(limit))]

    def scope_size(self, provider: str, service: str, region: str) -> int:
        """How many product rows one service holds in one region (from the manifest)."""
        info = self._files.get((provider, service, region))
        return info.rows if info is not None else 0

    def regions_by_service(self) -> dict[tuple[str, str], frozenset[str]]:
        """{(provider, service): regions the catalog holds}."""
        out: dict[tuple[str, str], set[str]] = {}
        for provider, service, region in self._files:
            out.setdefault((provider, service), set()).add(region)
        return {k: frozenset(v) for k, v in out.items()}

    def counts(self) -> list[tuple[str, str, str, int]]:
        """(provider, service, region, rows) for `catalog info` (from the manifest)."""
        return [(p, s, r, self._files[(p, s, r)].rows) for p, s, r in self.scopes()]

    def verify_files(self) -> None:
        """Check every data file against its manifest sha256 without indexing it.

        Raises CatalogError naming the first file that is missing, tampered or truncated.
        """
        for info in self.manifest.files:
            path = self.data_dir / info.path
            try:
                digest = file_sha256(path)
            except FileNotFoundError as exc:
                raise CatalogError("catalog file listed in the manifest is missing", path=str(path)) from exc
            if digest != info.sha256:
                raise CatalogError(
                    "catalog file does not match its manifest sha256 (tampered or truncated); "
                    "restore it or rebuild with `costgate catalog build`",
                    path=str(path),
                )


def scope_candidates(
    index: ScopeIndex,
    attributes: Sequence[tuple[str, str]],
    *,
    family: str | None = None,
    purchase_option: str | None = None,
    unit: str | None = None,
    limit: int | None = None,
) -> list[StoredProduct]:
    """Products of one scope whose attributes include every (key, value) given (case-insensitive).

    SQLite narrows by the most selective attribute (the key with the most distinct values); the
    rest are checked here on the products' attribute ids. Intersecting every attribute in SQL
    costs tens of milliseconds a query on common values such as operatingSystem=Linux.
    """
    wanted = [((k.lower(), v.lower()), index.kv_ids(k, v)) for k, v in attributes]
    if any(not ids for _pair, ids in wanted):
        return []  # some attribute value appears on no product of this scope
    sql = ["SELECT p.* FROM"]
    params: list[object] = []
    if wanted:
        selectivity = index.selectivity
        _pair, narrow = max(wanted, key=lambda item: selectivity.get(item[0][0], 0))
        sql.append(f"attrs a JOIN products p ON p.id = a.product_id WHERE a.kv_id IN ({','.join('?' * len(narrow))})")
        params.extend(sorted(narrow))
    else:
        sql.append("products p WHERE 1=1")
    for col, val in (("family", family), ("purchase_option", purchase_option), ("unit", unit)):
        if val is not None:
            sql.append(f"AND p.{col} = ?")
            params.append(val)
    sql.append("ORDER BY p.sku, CAST(p.tier_start AS REAL)")
    found = []
    for row in index.conn.execute(" ".join(sql), params):
        ids = _ids(row[-1])
        if all(ids & wanted_ids for _pair, wanted_ids in wanted):
            found.append(_product(index, row, ids))
            if limit is not None and len(found) >= limit:
                break
    return found


def scope_search(index: ScopeIndex, attributes: Sequence[tuple[str, str]], *, limit: int) -> list[StoredProduct]:
    """Products of one scope having every attribute (exact, case-insensitive), first `limit`."""
    id_sets = [index.kv_ids(k, v) for k, v in attributes]
    if any(not ids for ids in id_sets):
        return []
    sql = ["SELECT * FROM products"]
    params: list[object] = []
    if id_sets:
        sub = " INTERSECT ".join(
            f"SELECT product_id FROM attrs WHERE kv_id IN ({','.join('?' * len(ids))})" for ids in id_sets
        )
        sql.append(f"WHERE id IN ({sub})")
        for ids in id_sets:
            params.extend(sorted(ids))
    sql.append(f"ORDER BY sku, CAST(tier_start AS REAL) LIMIT {max(0, int(limit))}")
    return [_product(index, r, _ids(r[-1])) for r in index.conn.execute(" ".join(sql), params)]


def _ids(text: object) -> frozenset[int]:
    return frozenset(int(part) for part in str(text).split(",") if part)


def remove_legacy_index(cache: Path) -> None:
    """Delete indexes of earlier versions: whole-catalog files (about 100 MB each), their temp
    files, and per-scope folders of other schema versions (`index-v4/`)."""
    try:
        names = os.listdir(cache)
    except OSError:
        return
    for name in names:
        if (name.startswith("catalog-") and name.endswith(".sqlite")) or (
            name.startswith(".catalog-") and name.endswith(".tmp")
        ):
            with contextlib.suppress(OSError):
                (cache / name).unlink()
        elif name.startswith("index-v") and name != INDEX_DIRNAME and name[len("index-v") :].isdigit():
            shutil.rmtree(cache / name, ignore_errors=True)


def _product(index: ScopeIndex, r: tuple[object, ...], ids: frozenset[int]) -> StoredProduct:
    (pid, family, po, term, unit, price, currency, ts, te, sku, source, date, desc, _kv) = r
    return StoredProduct(
        id=int(pid),  # type: ignore[call-overload]
        service=index.source.service,
        family=None if family is None else str(family),
        region=index.source.region,
        purchase_option=str(po),
        term=orjson.loads(str(term)),
        unit=str(unit),
        price=Decimal(str(price)),
        currency=str(currency),
        tier_start=Decimal(str(ts)),
        tier_end=None if te is None else Decimal(str(te)),
        sku=str(sku),
        source=str(source),
        price_date=str(date),
        description=str(desc),
        attributes=index.attributes(ids),
    )
