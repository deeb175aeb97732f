"""The catalog manifest: which files make up the catalog, where their prices came from, and
their sha256, so a tampered or truncated file is refused before it prices anything."""

from __future__ import annotations

import hashlib
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from costgate.errors import CatalogError

MANIFEST_NAME = "manifest.json"
MANIFEST_VERSION = 1


class SourceInfo(BaseModel):
    """A public price source the catalog was derived from."""

    model_config = ConfigDict(extra="forbid")

    id: str
    upstream: str
    price_date: str
    licence: str = ""
    notes: str = ""


class FileInfo(BaseModel):
    """One data file of the catalog."""

    model_config = ConfigDict(extra="forbid")

    path: str
    provider: str
    service: str
    rows: int
    sha256: str
    sources: list[str]
    regions: list[str]
    price_date: str


class Manifest(BaseModel):
    """The whole catalog's table of contents."""

    model_config = ConfigDict(extra="forbid")

    version: int = MANIFEST_VERSION
    built_at: str
    price_date: str
    sources: list[SourceInfo]
    files: list[FileInfo]

    @property
    def catalog_id(self) -> str:
        """A short, stable id of this catalog's content (hash of its file hashes)."""
        digest = hashlib.sha256()
        for info in sorted(self.files, key=lambda f: f.path):
            digest.update(f"{info.path}:{info.sha256}\n".encode())
        return digest.hexdigest()[:16]


def load_manifest(root: Path) -> Manifest:
    """Read and validate `root/manifest.json`."""
    path = root / MANIFEST_NAME
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise CatalogError("catalog manifest not found (run `costgate catalog build`)", path=str(path)) from exc
    try:
        return Manifest.model_validate_json(text)
    except ValidationError as exc:
        first = exc.errors()[0]
        loc = ".".join(str(p) for p in first["loc"])
        raise CatalogError(f"invalid manifest at {loc}: {first['msg']}", path=str(path)) from exc


def sha256_bytes(data: bytes) -> str:
    """Hex sha256 of `data`."""
    return hashlib.sha256(data).hexdigest()
