"""Where a refresh puts fresh rows until every download has succeeded, and the atomic swap.

Fresh rows go into a SQLite file inside a temporary folder next to the catalog, so memory
stays flat however large a price list is: SQLite sorts them on disk into the same order
`write_rows` uses, and each (provider, service, region) file is written by streaming that
order out (gzip when large, byte for byte what `catalog build` would write). Files of
scopes the refresh did not touch are copied from the previous catalog after their sha256 is
checked, so a tampered file is refused rather than carried forward. Only when everything is
written does the new folder replace the old one; any error or interrupt before that leaves
the previous catalog untouched.
"""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import tempfile
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType

import orjson

from costgate.errors import CatalogError
from costgate.pricing.build.writer import GZIP_ABOVE_BYTES, swap_into_place
from costgate.pricing.manifest import MANIFEST_NAME, FileInfo, Manifest, SourceInfo, load_manifest, sha256_bytes
from costgate.pricing.rows import CatalogRow, data_file

Scope = tuple[str, str, str]

_SCHEMA = """
CREATE TABLE rows (
    provider TEXT, service TEXT, region TEXT,
    k_family TEXT, k_attrs TEXT, k_po TEXT, k_term TEXT, k_unit TEXT, k_tier TEXT,
    source TEXT, price_date TEXT, line BLOB
);
"""


@dataclass
class ScopeStats:
    """What was staged for one scope."""

    rows: int = 0
    sources: set[str] = field(default_factory=set)
    price_date: str = ""


class Staging:
    """A temporary catalog folder being filled; use as a context manager."""

    def __init__(self, target: Path) -> None:
        self.target = target
        target.parent.mkdir(parents=True, exist_ok=True)
        self.tmp = Path(tempfile.mkdtemp(prefix=".pricing_data-refresh-", dir=target.parent))
        self.db = sqlite3.connect(self.tmp / ".staging.sqlite")
        self.db.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-16000;" + _SCHEMA)
        self.scopes: dict[Scope, ScopeStats] = {}
        self._batch: list[tuple[object, ...]] = []

    def __enter__(self) -> Staging:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        """Drop the temporary folder (after a swap it is already gone)."""
        try:
            self.db.close()
        finally:
            if self.tmp.exists():
                shutil.rmtree(self.tmp, ignore_errors=True)

    def add(self, row: CatalogRow) -> None:
        """Stage one fresh row."""
        k = row.sort_key()
        line = orjson.dumps(row.to_json(), option=orjson.OPT_SORT_KEYS) + b"\n"
        self._batch.append((row.provider, row.service, row.region, *k[1:], row.source, row.price_date, line))
        stats = self.scopes.setdefault((row.provider, row.service, row.region), ScopeStats())
        stats.rows += 1
        stats.sources.add(row.source)
        if row.price_date > stats.price_date:
            stats.price_date = row.price_date
        if len(self._batch) >= 20_000:
            self._flush()

    def add_all(self, rows: Iterable[CatalogRow]) -> int:
        """Stage many rows; returns how many."""
        n = 0
        for row in rows:
            self.add(row)
            n += 1
        return n

    def _flush(self) -> None:
        self.db.executemany("INSERT INTO rows VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", self._batch)
        self._batch.clear()

    def commit(self, sources: list[SourceInfo]) -> Manifest:
        """Write every staged scope, carry the previous catalog's other files, swap into place.

        A scope the refresh asked for but got no rows for keeps its previous file.
        Raises CatalogError when a carried-over file fails its sha256 (the target is untouched).
        """
        self._flush()
        self.db.commit()
        files: list[FileInfo] = []
        for scope in sorted(self.scopes):
            files.append(self._write_scope(scope))
        previous = load_manifest(self.target) if (self.target / MANIFEST_NAME).exists() else None
        old_sources: list[SourceInfo] = []
        if previous is not None:
            fresh = set(self.scopes)
            for info in previous.files:
                scope = (info.provider, info.service, info.regions[0] if info.regions else "")
                if scope in fresh:
                    continue
                files.append(self._carry(info))
            old_sources = previous.sources
        files.sort(key=lambda f: f.path)
        used = {s for f in files for s in f.sources}
        by_id = {s.id: s for s in old_sources}
        by_id.update({s.id: s for s in sources})
        chosen = [by_id[i] for i in sorted(by_id) if i in used]
        dates = [f.price_date[:10] for f in files if len(f.price_date) >= 10 and f.price_date[:4].isdigit()]
        manifest = Manifest(
            built_at=datetime.now(UTC).strftime("%Y-%m-%d"),
            price_date=max(dates, default=previous.price_date if previous else ""),
            sources=chosen,
            files=files,
        )
        (self.tmp / MANIFEST_NAME).write_text(manifest.model_dump_json(indent=1) + "\n", encoding="utf-8")
        self.db.close()
        (self.tmp / ".staging.sqlite").unlink()
        swap_into_place(self.tmp, self.target)
        return manifest

    def _write_scope(self, scope: Scope) -> FileInfo:
        provider, service, region = scope
        rel = data_file(provider, service, region)
        plain = self.tmp / rel
        plain.parent.mkdir(parents=True, exist_ok=True)
        cur = self.db.execute(
            "SELECT line FROM rows WHERE provider = ? AND service = ? AND region = ? "
            "ORDER BY k_family, k_attrs, k_po, k_term, k_unit, k_tier, rowid",
            scope,
        )
        with plain.open("wb") as out:
            for (line,) in cur:
                out.write(line)
        if plain.stat().st_size > GZIP_ABOVE_BYTES:
            rel = rel.with_name(rel.name + ".gz")
            packed = self.tmp / rel
            comp = zlib.compressobj(level=9, wbits=31)  # what gzip.compress(mtime=0) writes
            with plain.open("rb") as src, packed.open("wb") as dst:
                while chunk := src.read(1 << 20):
                    dst.write(comp.compress(chunk))
                dst.write(comp.flush())
            plain.unlink()
        stats = self.scopes[scope]
        return FileInfo(
            path=rel.as_posix(),
            provider=provider,
            service=service,
            rows=stats.rows,
            sha256=_sha256_file(self.tmp / rel),
            sources=sorted(stats.sources),
            regions=[region],
            price_date=stats.price_date,
        )

    def _carry(self, info: FileInfo) -> FileInfo:
        src = self.target / info.path
        try:
            data = src.read_bytes()
        except FileNotFoundError as exc:
            raise CatalogError(
                "catalog file listed in the manifest is missing; refresh refused", path=str(src)
            ) from exc
        if sha256_bytes(data) != info.sha256:
            raise CatalogError(
                "catalog file does not match its manifest sha256 (tampered or truncated); refresh refused, "
                "previous catalog left as it is",
                path=str(src),
            )
        dst = self.tmp / info.path
        dst.parent.mkdir(parents=True, exist_ok=True)
        dst.write_bytes(data)
        return info


def _sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()
