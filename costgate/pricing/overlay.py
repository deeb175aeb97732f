"""Prices fetched at run time (`--fetch-prices`), kept in the cache dir next to the indexes.

The overlay holds whole (provider, service, region) scopes the shipped catalog lacked, one
gzip JSON Lines file per scope (the same row format as pricing_data/), listed in
`overlay.json` with its source, URL, fetch time, row count and sha256. A file is written to a
temporary name and renamed only when the download and parse ended cleanly, so a failed fetch
never leaves a partial file in use. Files are indexed through the same checked, per-scope
index cache as the shipped catalog: the file's sha256 is checked against overlay.json when it
is indexed, and a file that fails is dropped from the overlay (and fetched again when the run
may fetch). A scope is reused until it is older than the catalog age limit.
"""

from __future__ import annotations

import contextlib
import gzip
import os
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import orjson

from costgate.errors import CatalogError
from costgate.pricing.rows import CatalogRow, data_file
from costgate.pricing.scope_index import IndexCache, ScopeIndex, ScopeSource, file_sha256, remove_leftovers

OVERLAY_DIRNAME = "overlay-v1"
OVERLAY_MANIFEST = "overlay.json"
OVERLAY_VERSION = 1
Scope = tuple[str, str, str]


@dataclass(frozen=True, slots=True)
class OverlayEntry:
    """One fetched scope: where its file is, what it must hash to, and where it came from."""

    provider: str
    service: str
    region: str
    path: str
    sha256: str
    rows: int
    source: str
    url: str
    fetched_at: str
    price_date: str

    @property
    def scope(self) -> Scope:
        """(provider, service, region)."""
        return (self.provider, self.service, self.region)

    def age(self, now: datetime) -> timedelta:
        """How long ago it was fetched (an unreadable time counts as very old)."""
        try:
            when = datetime.fromisoformat(self.fetched_at)
        except ValueError:
            return timedelta.max
        return now - (when if when.tzinfo else when.replace(tzinfo=UTC))


class Overlay:
    """The fetched scopes in one cache dir; read once per run, written after each fetch."""

    def __init__(self, cache: Path, *, max_age_days: int) -> None:
        self.dir = cache / OVERLAY_DIRNAME
        self.max_age_days = max_age_days
        self._indexes = IndexCache(cache)
        self.entries: dict[Scope, OverlayEntry] = _read_entries(self.dir / OVERLAY_MANIFEST)
        self.rejected: dict[Scope, str] = {}
        self._open: dict[Scope, ScopeIndex] = {}

    def fresh(self, scope: Scope, *, now: datetime | None = None) -> bool:
        """Whether `scope` was fetched within the age limit (0: no limit) and not rejected."""
        entry = self.entries.get(scope)
        if entry is None or scope in self.rejected:
            return False
        if self.max_age_days <= 0:
            return True
        return entry.age(now or datetime.now(UTC)) <= timedelta(days=self.max_age_days)

    def scope_index(self, scope: Scope) -> ScopeIndex | None:
        """The checked index of a fresh fetched scope, or None (absent, stale, or its file failed
        its sha256: then it is dropped and recorded in `rejected`)."""
        found = self._open.get(scope)
        if found is not None:
            return found
        if not self.fresh(scope):
            return None
        entry = self.entries[scope]
        try:
            found = self._indexes.open(ScopeSource(*scope, self.dir / entry.path, entry.sha256, entry.rows))
        except CatalogError as exc:
            self.rejected[scope] = str(exc)
            return None
        self._open[scope] = found
        return found

    def store(
        self, scope: Scope, rows: Iterable[CatalogRow], *, source: str, url: str, now: datetime | None = None
    ) -> OverlayEntry:
        """Write the rows of one fetched scope and list them; nothing is kept when `rows` fails.

        Rows are streamed into a gzip file (never held in memory). Raises whatever the row
        iterator raises (CatalogError for a bad download) after removing the temporary file,
        and CatalogError when the cache dir cannot be written.
        """
        provider, service, region = scope
        rel = data_file(provider, service, region).as_posix() + ".gz"
        final = self.dir / rel
        try:
            final.parent.mkdir(parents=True, exist_ok=True)
            remove_leftovers(final.parent)
        except OSError as exc:
            raise CatalogError(f"cannot write fetched prices ({exc.strerror})", path=str(final.parent)) from exc
        tmp = final.parent / f".build-{os.getpid()}-{os.urandom(4).hex()}.tmp"
        count = 0
        dates: set[str] = set()
        try:
            with gzip.GzipFile(tmp, mode="wb", mtime=0) as out:
                for row in rows:
                    out.write(orjson.dumps(row.to_json(), option=orjson.OPT_SORT_KEYS) + b"\n")
                    count += 1
                    if row.price_date:
                        dates.add(row.price_date)
            digest = file_sha256(tmp)
            os.replace(tmp, final)
        except OSError as exc:
            raise CatalogError(f"cannot write fetched prices ({exc.strerror})", path=str(final)) from exc
        finally:
            with contextlib.suppress(FileNotFoundError):
                tmp.unlink()
        entry = OverlayEntry(
            provider=provider,
            service=service,
            region=region,
            path=rel,
            sha256=digest,
            rows=count,
            source=source,
            url=url,
            fetched_at=(now or datetime.now(UTC)).isoformat(timespec="seconds"),
            price_date=max(dates, default=""),
        )
        self.entries[scope] = entry
        self.rejected.pop(scope, None)
        self._open.pop(scope, None)
        self._save()
        return entry

    def _save(self) -> None:
        """Rewrite overlay.json atomically (merged with what another run may have added)."""
        path = self.dir / OVERLAY_MANIFEST
        merged = _read_entries(path)
        merged.update(self.entries)
        doc = {"version": OVERLAY_VERSION, "entries": [asdict(e) for _s, e in sorted(merged.items())]}
        tmp = path.with_name(f".{OVERLAY_MANIFEST}-{os.getpid()}.tmp")
        try:
            tmp.write_bytes(orjson.dumps(doc, option=orjson.OPT_INDENT_2))
            os.replace(tmp, path)
        except OSError as exc:
            raise CatalogError(f"cannot write the fetched-price list ({exc.strerror})", path=str(path)) from exc


def _read_entries(path: Path) -> dict[Scope, OverlayEntry]:
    """The listed scopes; an unreadable or malformed list counts as empty (it is only a cache)."""
    try:
        doc = orjson.loads(path.read_bytes())
        if not isinstance(doc, dict) or doc.get("version") != OVERLAY_VERSION:
            return {}
        entries = [OverlayEntry(**e) for e in doc.get("entries", [])]
    except (OSError, orjson.JSONDecodeError, TypeError):
        return {}
    return {
        e.scope: e
        for e in entries
        if isinstance(e.path, str) and not Path(e.path).is_absolute() and ".." not in Path(e.path).parts
    }
