"""Group catalog rows into sorted text files, one per provider/service/region, and write
the manifest with each file's sha256, row count, sources and price date.

Where two sources price the same product, the earlier source in the build order wins
(product-level sources before line-item mappings); a conflict inside one source is an error
unless the prices agree to within rounding, because it means a mapping is wrong.
"""

from __future__ import annotations

import csv
import re
import shutil
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

from costgate.errors import CatalogBuildError
from costgate.pricing.build.list_price import DERIVED_DIGITS
from costgate.pricing.manifest import MANIFEST_NAME, FileInfo, Manifest, SourceInfo, sha256_bytes
from costgate.pricing.rows import CatalogRow, data_file, write_rows

GZIP_ABOVE_BYTES = 512 * 1024
ROUNDING_TOLERANCE = Decimal("0.01")  # relative: rounded printed tables disagree in the 3rd-4th digit


@dataclass
class BuildReport:
    """What a build did, for the CLI to print."""

    rows: int = 0
    files: int = 0
    overridden: int = 0
    duplicates: int = 0
    by_source: dict[str, int] = field(default_factory=dict)


def _key(row: CatalogRow) -> tuple[object, ...]:
    return (
        row.provider,
        row.service,
        row.family,
        row.region,
        tuple(sorted((k.lower(), v.lower()) for k, v in row.attributes.items())),
        row.purchase_option,
        tuple(sorted(row.term.items())),
        row.unit,
        row.tier_start,
    )


def merge(sources: Iterable[tuple[str, Iterable[CatalogRow]]], report: BuildReport) -> list[CatalogRow]:
    """Merge rows of several sources in priority order (first source wins a product).

    Product-level sources keep every SKU (their attribute sets may be partial, and a lookup
    that cannot tell two SKUs apart reports that as ambiguous). Line-item sources have no
    SKUs, so two rows with one attribute set must agree on the price.
    """
    owner: dict[tuple[object, ...], str] = {}
    chosen: dict[tuple[object, ...], CatalogRow] = {}
    for source_id, rows in sources:
        count = 0
        for row in rows:
            count += 1
            key = _key(row)
            first = owner.setdefault(key, source_id)
            if first != source_id:
                report.overridden += 1
                continue
            full = key if row.sku.startswith("pf:") else (*key, row.sku)
            old = chosen.get(full)
            if old is None:
                chosen[full] = row
                continue
            if old.price == row.price:
                report.duplicates += 1
                continue
            base = max(abs(old.price), abs(row.price))
            if base and abs(old.price - row.price) / base <= ROUNDING_TOLERANCE:
                # the same price printed with different rounding: keep the better-kept figure
                if _precision_rank(row.price) < _precision_rank(old.price):
                    chosen[full] = row
                report.duplicates += 1
                continue
            raise CatalogBuildError(
                f"conflicting prices for one product in source {source_id}: "
                f"{old.description or old.sku} = {old.price} vs {row.description or row.sku} = {row.price} "
                f"({row.service} {row.region} {dict(row.attributes)})"
            )
        report.by_source[source_id] = count
    return list(chosen.values())


# price_facts derives some unit prices as cost / quantity from rounded tables: such a figure has
# a long tail of digits (0.0463972603 for 0.0464) and is the worst of the candidates (the build
# recovers most of them, costgate/pricing/build/list_price.py; what it cannot is ranked last)


def _precision_rank(price: Decimal) -> tuple[bool, int]:
    """Sort key, best first: a printed figure before a derived one, then the most digits
    (1.536 before its rounded 1.54; 0.0464 before the derived 0.0463972603)."""
    digits = len(price.normalize().as_tuple().digits)
    return digits > DERIVED_DIGITS, -digits


def read_sources_tsv(prices_dir: Path) -> dict[str, SourceInfo]:
    """Source metadata (upstream, date, licence) from prices/SOURCES.tsv."""
    path = prices_dir / "SOURCES.tsv"
    out: dict[str, SourceInfo] = {}
    if not path.exists():
        return out
    with path.open(newline="", encoding="utf-8") as handle:
        for rec in csv.DictReader(handle, delimiter="\t"):
            out[rec["folder"]] = SourceInfo(
                id=rec["folder"],
                upstream=rec["upstream"],
                price_date=rec["price_date"],
                licence=rec.get("licence", ""),
                notes=rec.get("notes", "") or "",
            )
    return out


def write_catalog(rows: list[CatalogRow], out_dir: Path, sources: list[SourceInfo], report: BuildReport) -> Manifest:
    """Write rows and manifest to `out_dir` atomically (a temp dir swapped into place)."""
    groups: dict[tuple[str, str, str], list[CatalogRow]] = {}
    for row in rows:
        groups.setdefault((row.provider, row.service, row.region), []).append(row)
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".pricing_data-", dir=out_dir.parent))
    try:
        files: list[FileInfo] = []
        for (provider, service, region), group in sorted(groups.items()):
            rel = data_file(provider, service, region)
            target = tmp / rel
            write_rows(target, group)
            if target.stat().st_size > GZIP_ABOVE_BYTES:
                target.unlink()
                rel = rel.with_name(rel.name + ".gz")
                target = tmp / rel
                write_rows(target, group)
            data = target.read_bytes()
            files.append(
                FileInfo(
                    path=rel.as_posix(),
                    provider=provider,
                    service=service,
                    rows=len(group),
                    sha256=sha256_bytes(data),
                    sources=sorted({r.source for r in group}),
                    regions=[region],
                    price_date=max(r.price_date for r in group),
                )
            )
        used = {s for f in files for s in f.sources}
        manifest = Manifest(
            built_at=datetime.now(UTC).strftime("%Y-%m-%d"),
            price_date=max(
                (d for s in sources if s.id in used for d in re.findall(r"\d{4}-\d{2}-\d{2}", s.price_date)), default=""
            ),
            sources=[s for s in sources if s.id in used],
            files=files,
        )
        (tmp / MANIFEST_NAME).write_text(manifest.model_dump_json(indent=1) + "\n", encoding="utf-8")
        report.rows, report.files = len(rows), len(files)
        swap_into_place(tmp, out_dir)
        return manifest
    finally:
        if tmp.exists():
            shutil.rmtree(tmp)


def swap_into_place(tmp: Path, out_dir: Path) -> None:
    """Replace `out_dir` by the finished folder `tmp` (same parent) with two renames.

    The old folder is renamed aside first and removed only after the new one is in place,
    so an interruption leaves either the old or the new catalog, never a mix.
    """
    if out_dir.exists():
        backup = out_dir.with_name(out_dir.name + ".old")
        if backup.exists():
            shutil.rmtree(backup)
        out_dir.rename(backup)
        tmp.rename(out_dir)
        shutil.rmtree(backup)
    else:
        tmp.rename(out_dir)
