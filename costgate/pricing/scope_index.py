"""One small SQLite index per catalog file (one provider, service and region), built on first
use in the cache dir and checked every time it is opened.

Why per scope: a plan touches a handful of (provider, service, region) scopes, and the shipped
files are already split that way, so a fresh runner indexes only those (a few hundred
milliseconds) instead of the whole catalog (seconds, 100 MB). Why checked: the cache dir is
writable by anyone who can run costgate, and an index is trusted for prices. Each index file
is named `<sha256 of the data file>-<sha256 of the index file>.sqlite`: the first half ties it
to the catalog content it was built from (and is repeated in its `meta` table), the second is
its own digest. Opening recomputes the file's digest; a tampered, truncated or corrupt index
does not match, is deleted and rebuilt from the data file, whose own sha256 is checked against
the manifest while it is read. Builds write a temporary file (named with the builder's pid)
and rename it into place, so a killed build leaves at most a temporary file, which the next
build removes once its process is gone.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sqlite3
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import orjson

from costgate import progress
from costgate.errors import CatalogError
from costgate.pricing.manifest import sha256_bytes
from costgate.pricing.rows import CatalogRow, read_rows

INDEX_SCHEMA_VERSION = 5
INDEX_DIRNAME = f"index-v{INDEX_SCHEMA_VERSION}"
TEMP_PREFIX = ".build-"
STALE_TEMP_SECONDS = 3600.0
"""A temporary build file older than this is removed even when its pid is alive (pid reuse)."""

# Attribute pairs are stored once each (kv) and referenced by id (products.kv lists a product's
# ids; attrs maps an id to its products), which keeps an index about a third of the size of
# one that repeats every key and value: it is hashed in full on every open.
_SCHEMA = """
CREATE TABLE products (
    id INTEGER PRIMARY KEY,
    family TEXT, purchase_option TEXT NOT NULL, term TEXT NOT NULL, unit TEXT NOT NULL,
    price TEXT NOT NULL, currency TEXT NOT NULL, tier_start TEXT NOT NULL, tier_end TEXT,
    sku TEXT NOT NULL, source TEXT NOT NULL, price_date TEXT NOT NULL,
    description TEXT NOT NULL, kv TEXT NOT NULL
);
CREATE TABLE kv (id INTEGER PRIMARY KEY, key TEXT NOT NULL, value TEXT NOT NULL, key_l TEXT NOT NULL, value_l TEXT NOT NULL);
CREATE TABLE attrs (kv_id INTEGER NOT NULL, product_id INTEGER NOT NULL, PRIMARY KEY (kv_id, product_id)) WITHOUT ROWID;
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""


@dataclass(frozen=True, slots=True)
class ScopeSource:
    """A data file to index and the sha256 it must have (from its manifest)."""

    provider: str
    service: str
    region: str
    path: Path
    sha256: str
    rows: int | None = None
    """Rows the data file holds (from its manifest), for the progress bar; None when unknown."""


class ScopeIndex:
    """An open, verified index of one scope."""

    def __init__(self, source: ScopeSource, conn: sqlite3.Connection) -> None:
        self.source = source
        self.conn = conn
        self._selectivity: dict[str, int] | None = None
        self._ids: dict[tuple[str, str], frozenset[int]] = {}
        self._pairs: dict[int, tuple[str, str]] = {}

    def kv_ids(self, key: str, value: str) -> frozenset[int]:
        """Ids of the attribute pairs equal to (key, value) ignoring case (empty: no product has it)."""
        wanted = (key.lower(), value.lower())
        found = self._ids.get(wanted)
        if found is None:
            found = self._ids[wanted] = frozenset(
                int(r[0]) for r in self.conn.execute("SELECT id FROM kv WHERE key_l = ? AND value_l = ?", wanted)
            )
        return found

    def attributes(self, ids: frozenset[int]) -> dict[str, str]:
        """The attributes (original spelling) of a product's pair ids."""
        missing = [i for i in ids if i not in self._pairs]
        for start in range(0, len(missing), 500):
            chunk = missing[start : start + 500]
            marks = ",".join("?" * len(chunk))
            for pid, key, value in self.conn.execute(f"SELECT id, key, value FROM kv WHERE id IN ({marks})", chunk):
                self._pairs[int(pid)] = (str(key), str(value))
        return dict(sorted(self._pairs[i] for i in ids))

    @property
    def selectivity(self) -> dict[str, int]:
        """{attribute key: distinct values}: the most selective key narrows a query in SQL."""
        if self._selectivity is None:
            self._selectivity = {k: int(n) for k, n in self.conn.execute("SELECT key, n FROM key_selectivity")}
        return self._selectivity


class IndexCache:
    """The folder of per-scope indexes under the cache dir."""

    def __init__(self, cache_root: Path) -> None:
        self.dir = cache_root / INDEX_DIRNAME
        self._listing: dict[str, list[str]] | None = None

    def open(self, source: ScopeSource) -> ScopeIndex:
        """The verified index of `source`, built (and its data file checked) when absent or bad.

        Raises CatalogError when the data file is missing or fails its manifest sha256.
        """
        for name in self._names_for(source.sha256):
            path = self.dir / name
            conn = _open_verified(path, source.sha256)
            if conn is not None:
                return ScopeIndex(source, conn)
            with contextlib.suppress(OSError):  # another process may have removed it already
                path.unlink()
        return ScopeIndex(source, self._build(source))

    def _names_for(self, source_sha: str) -> list[str]:
        if self._listing is None:
            listing: dict[str, list[str]] = {}
            with contextlib.suppress(OSError):  # no cache yet, or a cache path that is not a folder
                for name in os.listdir(self.dir):
                    if name.endswith(".sqlite") and "-" in name:
                        listing.setdefault(name.split("-", 1)[0], []).append(name)
            self._listing = listing
        return sorted(self._listing.get(source_sha, ()))

    def _build(self, source: ScopeSource) -> sqlite3.Connection:
        reporter = progress.current()
        task = reporter.start(
            f"indexing {source.provider} {source.service} {source.region}".rstrip(), total=source.rows, unit="rows"
        )
        try:
            return self._build_reported(source, reporter, task)
        finally:
            reporter.finish(task)

    def _build_reported(
        self, source: ScopeSource, reporter: progress.ProgressReporter, task: int
    ) -> sqlite3.Connection:
        rows = _counted(verified_rows(source.path, source.sha256), reporter, task)
        try:
            self.dir.mkdir(parents=True, exist_ok=True)
            remove_leftovers(self.dir)
            tmp = self.dir / f"{TEMP_PREFIX}{os.getpid()}-{os.urandom(4).hex()}.tmp"
        except OSError:
            return _fill(sqlite3.connect(":memory:", check_same_thread=False), rows, source)
        try:
            _fill(sqlite3.connect(tmp), rows, source).close()
            final = self.dir / f"{source.sha256}-{file_sha256(tmp)}.sqlite"
            os.replace(tmp, final)
        except OSError:  # a read-only or full cache dir: index in memory for this run
            with contextlib.suppress(OSError):
                tmp.unlink()
            return _fill(
                sqlite3.connect(":memory:", check_same_thread=False), verified_rows(source.path, source.sha256), source
            )
        finally:
            if tmp.exists():
                tmp.unlink()
        self._listing = None
        conn = _open_verified(final, source.sha256)
        if conn is None:  # replaced under us between the rename and the open: build in memory
            return _fill(
                sqlite3.connect(":memory:", check_same_thread=False), verified_rows(source.path, source.sha256), source
            )
        return conn


def _counted(rows: Iterable[CatalogRow], reporter: progress.ProgressReporter, task: int) -> Iterator[CatalogRow]:
    """`rows`, advancing the progress task every 5,000 rows."""
    count = 0
    for row in rows:
        count += 1
        if count % 5000 == 0:
            reporter.advance(task, 5000)
        yield row
    reporter.advance(task, count % 5000)


def verified_rows(path: Path, sha256: str) -> Iterator[CatalogRow]:
    """The rows of a data file after checking it against its manifest sha256."""
    try:
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise CatalogError("catalog file listed in the manifest is missing", path=str(path)) from exc
    if sha256_bytes(data) != sha256:
        raise CatalogError(
            "catalog file does not match its manifest sha256 (tampered or truncated); "
            "restore it or rebuild with `costgate catalog build`",
            path=str(path),
        )
    return read_rows(path, data)


def file_sha256(path: Path) -> str:
    """Hex sha256 of a file, read in chunks."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def _open_verified(path: Path, source_sha: str) -> sqlite3.Connection | None:
    """A read-only connection when the file's digest matches its name and its meta names
    `source_sha`; None when it does not (tampered, truncated, corrupt or foreign)."""
    expected = path.name.removesuffix(".sqlite").split("-", 1)[-1]
    try:
        if file_sha256(path) != expected:
            return None
    except OSError:
        return None
    # immutable: the file is content-addressed and never written again, so no locking is needed
    conn = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True, check_same_thread=False)
    try:
        meta = dict(conn.execute("SELECT key, value FROM meta"))
    except sqlite3.DatabaseError:
        conn.close()
        return None
    if meta.get("source_sha256") != source_sha or meta.get("schema") != str(INDEX_SCHEMA_VERSION):
        conn.close()
        return None
    return conn


def _fill(conn: sqlite3.Connection, rows: Iterable[CatalogRow], source: ScopeSource) -> sqlite3.Connection:
    """Write the schema and every row into `conn` (an empty database); returns it."""
    conn.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + _SCHEMA)
    products: list[tuple[object, ...]] = []
    attrs: list[tuple[int, int]] = []
    pairs: dict[tuple[str, str], int] = {}
    count = 0
    dumps = orjson.dumps
    for pid, row in enumerate(rows, start=1):
        ids = []
        for key, raw in row.attributes.items():
            pair = (key, str(raw))
            kid = pairs.get(pair)
            if kid is None:
                kid = pairs[pair] = len(pairs) + 1
            ids.append(kid)
        products.append(
            (
                pid,
                row.family,
                row.purchase_option,
                dumps({k.lower(): v.lower() for k, v in row.term.items()}, option=orjson.OPT_SORT_KEYS).decode(),
                row.unit,
                str(row.price),
                row.currency,
                str(row.tier_start),
                None if row.tier_end is None else str(row.tier_end),
                row.sku,
                row.source,
                row.price_date,
                row.description,
                ",".join(map(str, sorted(set(ids)))),
            )
        )
        attrs.extend((kid, pid) for kid in set(ids))
        if len(products) >= 5000:  # bounded memory however large the scope
            count += _insert(conn, products, attrs)
    count += _insert(conn, products, attrs)
    conn.executemany(
        "INSERT INTO kv VALUES (?, ?, ?, ?, ?)", ((kid, k, v, k.lower(), v.lower()) for (k, v), kid in pairs.items())
    )
    conn.execute("CREATE INDEX kv_lower ON kv (key_l, value_l)")
    conn.execute(
        "CREATE TABLE key_selectivity AS SELECT key_l AS key, COUNT(DISTINCT value_l) AS n FROM kv GROUP BY key_l"
    )
    conn.executemany(
        "INSERT INTO meta VALUES (?, ?)",
        [
            ("schema", str(INDEX_SCHEMA_VERSION)),
            ("source_sha256", source.sha256),
            ("provider", source.provider),
            ("service", source.service),
            ("region", source.region),
            ("rows", str(count)),
        ],
    )
    conn.commit()
    conn.execute("VACUUM")
    return conn


def _insert(conn: sqlite3.Connection, products: list[tuple[object, ...]], attrs: list[tuple[int, int]]) -> int:
    conn.executemany("INSERT INTO products VALUES (" + ",".join("?" * 14) + ")", products)
    conn.executemany("INSERT INTO attrs VALUES (?, ?)", attrs)
    n = len(products)
    products.clear()
    attrs.clear()
    return n


def remove_leftovers(folder: Path, *, now: float | None = None) -> list[Path]:
    """Delete temporary build files whose builder is gone (or that are over an hour old).

    Returns what was removed. A build killed mid-way (SIGKILL, power loss) leaves its
    `.build-<pid>-*.tmp`; nothing else would ever remove it.
    """
    removed: list[Path] = []
    clock = time.time() if now is None else now
    for path in folder.glob(f"{TEMP_PREFIX}*.tmp"):
        pid_text = path.name[len(TEMP_PREFIX) :].split("-", 1)[0]
        try:
            old = clock - path.stat().st_mtime > STALE_TEMP_SECONDS
        except FileNotFoundError:
            continue
        if old or not (pid_text.isdigit() and _alive(int(pid_text))):
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
                removed.append(path)
    return removed


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # exists, owned by someone else
        return True
    return True
