"""The catalog manifest: which files make up the catalog, where their prices came from, and
their sha256, so a tampered or truncated file is refused before it prices anything.

The manifest is read on every run, so it is plain frozen dataclasses validated by hand rather
than pydantic models: importing pydantic and building its models costs about 0.13 s, a
quarter of a breakdown of 1,280 resources. The dataclasses keep the small part of the
pydantic API the rest of the code uses (`model_dump`, `model_dump_json`).
"""

from __future__ import annotations

import hashlib
from dataclasses import MISSING, asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

import orjson

from costgate.errors import CatalogError

MANIFEST_NAME = "manifest.json"
MANIFEST_VERSION = 1


class _Dumpable:
    def model_dump(self) -> dict[str, Any]:
        """The record as plain values (pydantic-compatible name)."""
        return asdict(self)  # type: ignore[call-overload, no-any-return]

    def model_dump_json(self, *, indent: int | None = None) -> str:
        """The record as JSON text (pydantic-compatible name)."""
        return _dumps(self.model_dump(), indent)


@dataclass(frozen=True)
class SourceInfo(_Dumpable):
    """A public price source the catalog was derived from."""

    id: str
    upstream: str
    price_date: str
    licence: str = ""
    notes: str = ""


@dataclass(frozen=True)
class FileInfo(_Dumpable):
    """One data file of the catalog."""

    path: str
    provider: str
    service: str
    rows: int
    sha256: str
    sources: list[str]
    regions: list[str]
    price_date: str


@dataclass(frozen=True)
class Manifest(_Dumpable):
    """The whole catalog's table of contents."""

    built_at: str
    price_date: str
    sources: list[SourceInfo]
    files: list[FileInfo]
    version: int = MANIFEST_VERSION
    _id: list[str] = field(default_factory=list, repr=False, compare=False)

    @property
    def catalog_id(self) -> str:
        """A short, stable id of this catalog's content (hash of its file hashes)."""
        if not self._id:
            digest = hashlib.sha256()
            for info in sorted(self.files, key=lambda f: f.path):
                digest.update(f"{info.path}:{info.sha256}\n".encode())
            self._id.append(digest.hexdigest()[:16])
        return self._id[0]

    def model_dump(self) -> dict[str, Any]:
        """The manifest as plain values, in file order."""
        return {
            "version": self.version,
            "built_at": self.built_at,
            "price_date": self.price_date,
            "sources": [s.model_dump() for s in self.sources],
            "files": [f.model_dump() for f in self.files],
        }


def _dumps(value: Any, indent: int | None) -> str:
    if indent:
        import json

        return json.dumps(value, indent=indent, ensure_ascii=False)
    return orjson.dumps(value).decode()


_FIELDS: dict[type[Any], dict[str, Any]] = {}


def _record(cls: type[Any], raw: Any, where: str) -> Any:
    """Build a dataclass record from JSON, naming the place of the first problem."""
    if not isinstance(raw, dict):
        raise ValueError(f"{where}: expected an object")
    known = _FIELDS.get(cls)
    if known is None:
        known = _FIELDS[cls] = {f.name: f for f in fields(cls) if not f.name.startswith("_")}
    unknown = set(raw) - set(known)
    if unknown:
        raise ValueError(f"{where}.{sorted(unknown)[0]}: unknown key")
    values: dict[str, Any] = {}
    for name, spec in known.items():
        if name not in raw:
            if spec.default is not MISSING or spec.default_factory is not MISSING:
                continue
            raise ValueError(f"{where}.{name}: missing")
        value = raw[name]
        kind = {"int": int, "str": str, "list[str]": list}.get(str(spec.type))
        if kind is not None and not isinstance(value, kind):
            raise ValueError(f"{where}.{name}: expected {spec.type}")
        values[name] = value
    return cls(**values)


def parse_manifest(data: bytes, path: str) -> Manifest:
    """Validate manifest JSON; a CatalogError names the key at fault."""
    try:
        raw = orjson.loads(data)
        if not isinstance(raw, dict):
            raise ValueError("manifest: expected an object")
        sources = [_record(SourceInfo, s, f"sources[{i}]") for i, s in enumerate(raw.get("sources") or [])]
        files = [_record(FileInfo, f, f"files[{i}]") for i, f in enumerate(raw.get("files") or [])]
        top = {k: v for k, v in raw.items() if k not in ("sources", "files")}
        for key in ("built_at", "price_date"):
            if not isinstance(top.get(key), str):
                raise ValueError(f"{key}: missing or not a string")
        extra = set(top) - {"version", "built_at", "price_date"}
        if extra:
            raise ValueError(f"{sorted(extra)[0]}: unknown key")
        version = top.get("version", MANIFEST_VERSION)
        if version != MANIFEST_VERSION:
            raise ValueError(f"version: unsupported manifest version {version!r}")
        return Manifest(
            built_at=top["built_at"], price_date=top["price_date"], sources=sources, files=files, version=version
        )
    except orjson.JSONDecodeError as exc:
        raise CatalogError(f"manifest is not valid JSON ({exc})", path=path) from exc
    except ValueError as exc:
        raise CatalogError(f"invalid manifest at {exc}", path=path) from exc


def load_manifest(root: Path) -> Manifest:
    """Read and validate `root/manifest.json`."""
    path = root / MANIFEST_NAME
    try:
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise CatalogError("catalog manifest not found (run `costgate catalog build`)", path=str(path)) from exc
    return parse_manifest(data, str(path))


def sha256_bytes(data: bytes) -> str:
    """Hex sha256 of `data`."""
    return hashlib.sha256(data).hexdigest()
