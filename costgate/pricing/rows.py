"""One catalog row in the cloud's own product schema, and its text form in pricing_data/.

Rows are stored as JSON Lines, sorted, one file per provider and service, so a catalog
refresh shows up as a readable diff. Attribute names are the cloud's own (AWS: the
Price List JSON names such as instanceType, volumeApiName, usagetype; Azure: armSkuName,
meterName, ...; GCP: machineType, skuDescription, ...). Prices are decimal strings.
"""

from __future__ import annotations

import gzip
import io
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import orjson

from costgate.errors import CatalogError


@dataclass(frozen=True, slots=True)
class CatalogRow:
    """A price for one product (and one tier of it) in one region."""

    provider: str
    service: str
    family: str | None
    region: str
    attributes: Mapping[str, str]
    unit: str
    price: Decimal
    purchase_option: str = "on_demand"
    term: Mapping[str, str] = field(default_factory=dict)
    currency: str = "USD"
    tier_start: Decimal = Decimal(0)
    tier_end: Decimal | None = None
    sku: str = ""
    source: str = ""
    price_date: str = ""
    description: str = ""

    def to_json(self) -> dict[str, Any]:
        """The row as a JSON object with sorted attribute keys and decimal strings."""
        out: dict[str, Any] = {
            "provider": self.provider,
            "service": self.service,
            "family": self.family,
            "region": self.region,
            "attributes": dict(sorted(self.attributes.items())),
            "unit": self.unit,
            "price": _dstr(self.price),
            "purchase_option": self.purchase_option,
        }
        if self.term:
            out["term"] = dict(sorted(self.term.items()))
        if self.currency != "USD":
            out["currency"] = self.currency
        if self.tier_start:
            out["tier_start"] = _dstr(self.tier_start)
        if self.tier_end is not None:
            out["tier_end"] = _dstr(self.tier_end)
        for key in ("sku", "source", "price_date", "description"):
            value = getattr(self, key)
            if value:
                out[key] = value
        return out

    @staticmethod
    def from_json(data: Mapping[str, Any]) -> CatalogRow:
        """Parse a row written by `to_json`."""
        return CatalogRow(
            provider=data["provider"],
            service=data["service"],
            family=data.get("family"),
            region=data["region"],
            attributes=data.get("attributes", {}),
            unit=data["unit"],
            price=Decimal(data["price"]),
            purchase_option=data.get("purchase_option", "on_demand"),
            term=data.get("term", {}),
            currency=data.get("currency", "USD"),
            tier_start=Decimal(data.get("tier_start", "0")),
            tier_end=Decimal(data["tier_end"]) if data.get("tier_end") is not None else None,
            sku=data.get("sku", ""),
            source=data.get("source", ""),
            price_date=data.get("price_date", ""),
            description=data.get("description", ""),
        )

    def sort_key(self) -> tuple[str, ...]:
        """Stable order for the text files: region, family, attributes, term, tier."""
        return (
            self.region,
            self.family or "",
            orjson.dumps(dict(sorted(self.attributes.items()))).decode(),
            self.purchase_option,
            orjson.dumps(dict(sorted(self.term.items()))).decode(),
            self.unit,
            f"{self.tier_start:>20}",
        )


def data_file(provider: str, service: str, region: str) -> Path:
    """The relative path of a provider/service/region file. Service names such as GCP's
    "Cloud Pub/Sub" hold a slash, which must not become a folder."""
    safe = service.replace("/", "_").replace("\\", "_")
    return Path(provider) / safe / f"{region or 'global'}.jsonl"


def _dstr(value: Decimal) -> str:
    """A decimal as plain text without exponent or trailing zeros."""
    text = format(value.normalize(), "f")
    return text


def write_rows(path: Path, rows: Iterable[CatalogRow]) -> int:
    """Write rows sorted as JSON Lines (gzip when the name ends in .gz); returns the count."""
    ordered = sorted(rows, key=CatalogRow.sort_key)
    buf = io.BytesIO()
    for row in ordered:
        buf.write(orjson.dumps(row.to_json(), option=orjson.OPT_SORT_KEYS))
        buf.write(b"\n")
    data = buf.getvalue()
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.suffix == ".gz":
        # mtime=0 keeps the compressed bytes (and their sha256) reproducible
        data = gzip.compress(data, compresslevel=9, mtime=0)
    path.write_bytes(data)
    return len(ordered)


def read_rows(path: Path, data: bytes | None = None) -> Iterator[CatalogRow]:
    """Read rows written by `write_rows`; a broken line is a CatalogError naming the line.

    Lines are decompressed and parsed one at a time, so memory holds the (compressed) file, not
    every row of a large scope at once.
    """
    raw = path.read_bytes() if data is None else data
    lines: Iterable[bytes] = gzip.GzipFile(fileobj=io.BytesIO(raw)) if path.suffix == ".gz" else io.BytesIO(raw)
    lineno = 0
    try:
        for lineno, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                yield CatalogRow.from_json(orjson.loads(line))
            except (orjson.JSONDecodeError, KeyError, ArithmeticError, TypeError) as exc:
                raise CatalogError(f"line {lineno}: not a catalog row ({exc})", path=str(path)) from exc
    except (OSError, EOFError) as exc:  # gzip: corrupt or cut short
        raise CatalogError(f"cannot decompress catalog file ({exc})", path=str(path)) from exc
