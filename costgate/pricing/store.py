"""The embedded SQLite index of the catalog, cached in the user cache dir by catalog id.

The shipped text files are the source of truth; the index exists so that later runs open
the catalog in milliseconds. It is built on first use (checking every file's sha256 against
the manifest), written to a temporary file and renamed into place, so an interrupted build
never leaves a half index behind.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import orjson
import platformdirs

from costgate.errors import CatalogError
from costgate.pricing.manifest import Manifest, load_manifest, sha256_bytes
from costgate.pricing.rows import CatalogRow, read_rows

INDEX_SCHEMA_VERSION = 3

_SCHEMA = """
CREATE TABLE products (
    id INTEGER PRIMARY KEY,
    provider TEXT NOT NULL, service TEXT NOT NULL, family TEXT, region TEXT NOT NULL,
    purchase_option TEXT NOT NULL, term TEXT NOT NULL, unit TEXT NOT NULL,
    price TEXT NOT NULL, currency TEXT NOT NULL, tier_start TEXT NOT NULL, tier_end TEXT,
    sku TEXT NOT NULL, source TEXT NOT NULL, price_date TEXT NOT NULL,
    description TEXT NOT NULL, attributes TEXT NOT NULL
);
CREATE TABLE attrs (product_id INTEGER NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL);
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""
_INDEXES = """
CREATE INDEX products_scope ON products (provider, service, region);
CREATE INDEX attrs_kv ON attrs (key, value, product_id);
"""


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
    """An open catalog: the manifest plus a read-only SQLite connection to its index."""

    def __init__(self, data_dir: Path, manifest: Manifest, conn: sqlite3.Connection, index_path: Path) -> None:
        self.data_dir = data_dir
        self.manifest = manifest
        self.conn = conn
        self.index_path = index_path

    @classmethod
    def open(cls, data_dir: Path | None = None, *, cache: Path | None = None) -> CatalogStore:
        """Open the catalog at `data_dir`, building its index on first use.

        Raises CatalogError when the manifest is missing or a file fails its sha256.
        """
        root = data_dir or default_data_dir()
        manifest = load_manifest(root)
        index = (cache or cache_dir()) / f"catalog-{manifest.catalog_id}-v{INDEX_SCHEMA_VERSION}.sqlite"
        if not index.exists():
            build_index(root, manifest, index)
        conn = sqlite3.connect(f"file:{index}?mode=ro", uri=True, check_same_thread=False)
        return cls(root, manifest, conn, index)

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
        wanted = [(k.lower(), v.lower()) for k, v in attributes]
        sql = ["SELECT p.* FROM products p"]
        params: list[object] = []
        if wanted:
            key, value = max(wanted, key=lambda kv: self._selectivity.get(kv[0], 0))
            sql.append("JOIN attrs a ON a.product_id = p.id AND a.key = ? AND a.value = ?")
            params.extend((key, value))
        sql.append("WHERE p.provider = ? AND p.service = ? AND p.region = ?")
        params.extend((provider, service, region))
        for col, val in (("family", family), ("purchase_option", purchase_option), ("unit", unit)):
            if val is not None:
                sql.append(f"AND p.{col} = ?")
                params.append(val)
        sql.append("ORDER BY p.sku, CAST(p.tier_start AS REAL)")
        found = []
        for row in self.conn.execute(" ".join(sql), params):
            product = _product(row)
            lowered = {k.lower(): str(v).lower() for k, v in product.attributes.items()}
            if all(lowered.get(k) == v for k, v in wanted):
                found.append(product)
                if limit is not None and len(found) >= limit:
                    break
        return found

    @property
    def _selectivity(self) -> dict[str, int]:
        cached = getattr(self, "_selectivity_cache", None)
        if cached is None:
            cached = {k: int(n) for k, n in self.conn.execute("SELECT key, n FROM key_selectivity")}
            self._selectivity_cache = cached
        return cached

    def search(
        self,
        provider: str | None,
        service: str | None,
        region: str | None,
        attributes: Sequence[tuple[str, str]],
        *,
        limit: int = 50,
    ) -> list[StoredProduct]:
        """Looser search for `catalog query`: any of provider/service/region may be omitted."""
        sql = ["SELECT * FROM products WHERE 1=1"]
        params: list[object] = []
        for col, value in (("provider", provider), ("service", service), ("region", region)):
            if value:
                sql.append(f"AND {col} = ?")
                params.append(value)
        if attributes:
            sub = " INTERSECT ".join("SELECT product_id FROM attrs WHERE key = ? AND value = ?" for _ in attributes)
            sql.append(f"AND id IN ({sub})")
            for key, value in attributes:
                params.extend((key.lower(), value.lower()))
        sql.append(f"ORDER BY service, region, sku, CAST(tier_start AS REAL) LIMIT {int(limit)}")
        return [_product(r) for r in self.conn.execute(" ".join(sql), params)]

    def scope_size(self, provider: str, service: str, region: str) -> int:
        """How many product rows one service holds in one region."""
        row = self.conn.execute(
            "SELECT COUNT(*) FROM products WHERE provider = ? AND service = ? AND region = ?", (provider, service, region)
        ).fetchone()
        return int(row[0]) if row else 0

    def counts(self) -> list[tuple[str, str, str, int]]:
        """(provider, service, region, rows) for `catalog info`."""
        return list(
            self.conn.execute(
                "SELECT provider, service, region, COUNT(*) FROM products GROUP BY provider, service, region ORDER BY 1, 2, 3"
            )
        )


def _product(r: tuple[object, ...]) -> StoredProduct:
    (pid, _prov, service, family, region, po, term, unit, price, currency, ts, te, sku, source, date, desc, attrs) = r
    return StoredProduct(
        id=int(pid),  # type: ignore[call-overload]
        service=str(service),
        family=None if family is None else str(family),
        region=str(region),
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
        attributes=orjson.loads(str(attrs)),
    )


def iter_verified_rows(root: Path, manifest: Manifest) -> Iterable[CatalogRow]:
    """Every row of the catalog, after checking each file against its manifest sha256."""
    for info in manifest.files:
        path = root / info.path
        try:
            data = path.read_bytes()
        except FileNotFoundError as exc:
            raise CatalogError("catalog file listed in the manifest is missing", path=str(path)) from exc
        if sha256_bytes(data) != info.sha256:
            raise CatalogError(
                "catalog file does not match its manifest sha256 (tampered or truncated); "
                "restore it or rebuild with `costgate catalog build`",
                path=str(path),
            )
        yield from read_rows(path, data)


def build_index(root: Path, manifest: Manifest, index: Path) -> None:
    """Build the SQLite index for `manifest` atomically at `index`."""
    index.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=".catalog-", suffix=".tmp", dir=index.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        conn = sqlite3.connect(tmp)
        conn.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + _SCHEMA)
        products: list[tuple[object, ...]] = []
        attrs: list[tuple[int, str, str]] = []
        pid = 0
        for row in iter_verified_rows(root, manifest):
            pid += 1
            products.append(
                (
                    pid, row.provider, row.service, row.family, row.region, row.purchase_option,
                    orjson.dumps({k.lower(): v.lower() for k, v in row.term.items()}, option=orjson.OPT_SORT_KEYS).decode(),
                    row.unit, str(row.price), row.currency, str(row.tier_start),
                    None if row.tier_end is None else str(row.tier_end), row.sku, row.source, row.price_date,
                    row.description, orjson.dumps(dict(row.attributes), option=orjson.OPT_SORT_KEYS).decode(),
                )
            )
            attrs.extend((pid, k.lower(), str(v).lower()) for k, v in row.attributes.items())
            if len(products) >= 50_000:
                _flush(conn, products, attrs)
        _flush(conn, products, attrs)
        conn.executescript(_INDEXES)
        conn.execute("CREATE TABLE scopes AS SELECT DISTINCT provider, service, region FROM products")
        conn.execute("CREATE TABLE key_selectivity AS SELECT key, COUNT(DISTINCT value) AS n FROM attrs GROUP BY key")
        conn.execute("INSERT INTO meta VALUES ('catalog_id', ?)", (manifest.catalog_id,))
        conn.commit()
        conn.close()
        os.replace(tmp, index)
    finally:
        if tmp.exists():
            tmp.unlink()


def _flush(conn: sqlite3.Connection, products: list[tuple[object, ...]], attrs: list[tuple[int, str, str]]) -> None:
    conn.executemany("INSERT INTO products VALUES (" + ",".join("?" * 17) + ")", products)
    conn.executemany("INSERT INTO attrs VALUES (?, ?, ?)", attrs)
    products.clear()
    attrs.clear()
