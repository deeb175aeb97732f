"""Which prices changed between two catalogs, and by how much: what a platform team reads
after a refresh.

Catalogs are compared scope by scope ((provider, service, region) = one file each), so
memory is bounded by the largest file, not the catalog. A product is identified by the
writer's product key (family, attributes, purchase option, term, unit, tier start). When a
refresh swaps a derived source for the cloud's own list, attribute sets grow (the fresh row
carries usagetype, operation, ...); a removed product whose attributes are all found in
exactly one added product of the same scope, option, unit and tier is reported as that
product changing, not as one removal and one addition.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from costgate.errors import CatalogError
from costgate.pricing.manifest import FileInfo, Manifest, load_manifest, sha256_bytes
from costgate.pricing.rows import CatalogRow, read_rows

Key = tuple[object, ...]


@dataclass(frozen=True)
class PriceChange:
    """One product present in both catalogs whose price differs (or added/removed: one side None)."""

    provider: str
    service: str
    region: str
    family: str | None
    attributes: dict[str, str]
    purchase_option: str
    term: dict[str, str]
    unit: str
    tier_start: Decimal
    old: Decimal | None
    new: Decimal | None
    currency: str

    @property
    def change(self) -> Decimal | None:
        """new - old, when both exist."""
        return None if self.old is None or self.new is None else self.new - self.old

    @property
    def percent(self) -> Decimal | None:
        """Relative change in percent (None when added, removed, or old is 0)."""
        if self.old is None or self.new is None or self.old == 0:
            return None
        return ((self.new - self.old) / self.old * 100).quantize(Decimal("0.01"))

    def product(self) -> str:
        """A readable product key."""
        attrs = ", ".join(f"{k}={v}" for k, v in sorted(self.attributes.items()))
        term = "".join(f" {k}={v}" for k, v in sorted(self.term.items()))
        tier = f" from {self.tier_start}" if self.tier_start else ""
        return f"{self.provider} {self.service} {self.region} {self.family or '-'} [{attrs}] {self.purchase_option}{term} {self.unit}{tier}"


@dataclass
class CatalogDiff:
    """The whole comparison."""

    old_id: str
    new_id: str
    old_date: str
    new_date: str
    changed: list[PriceChange] = field(default_factory=list)
    added: list[PriceChange] = field(default_factory=list)
    removed: list[PriceChange] = field(default_factory=list)
    unchanged: int = 0
    scopes_added: list[str] = field(default_factory=list)
    scopes_removed: list[str] = field(default_factory=list)


def _scope(info: FileInfo) -> tuple[str, str, str]:
    return (info.provider, info.service, info.regions[0] if info.regions else "")


def _rows(root: Path, info: FileInfo) -> list[CatalogRow]:
    path = root / info.path
    try:
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise CatalogError("catalog file listed in the manifest is missing", path=str(path)) from exc
    if sha256_bytes(data) != info.sha256:
        raise CatalogError("catalog file does not match its manifest sha256 (tampered or truncated)", path=str(path))
    return list(read_rows(path, data))


def _key(row: CatalogRow) -> Key:
    return (row.family, _pairs(row), row.purchase_option, tuple(sorted(row.term.items())), row.unit, row.tier_start)


def _by_key(rows: list[CatalogRow]) -> dict[Key, CatalogRow]:
    """One row per product key; where several SKUs share a key, the smallest SKU stands for it."""
    out: dict[Key, CatalogRow] = {}
    for row in sorted(rows, key=lambda r: r.sku):
        out.setdefault(_key(row), row)
    return out


def _change(row: CatalogRow, old: Decimal | None, new: Decimal | None) -> PriceChange:
    return PriceChange(
        row.provider,
        row.service,
        row.region,
        row.family,
        dict(row.attributes),
        row.purchase_option,
        dict(row.term),
        row.unit,
        row.tier_start,
        old,
        new,
        row.currency,
    )


def diff_catalogs(old_root: Path, new_root: Path) -> CatalogDiff:
    """Compare two pricing_data folders (each checked against its manifest)."""
    old_m, new_m = load_manifest(old_root), load_manifest(new_root)
    result = CatalogDiff(old_m.catalog_id, new_m.catalog_id, old_m.price_date, new_m.price_date)
    old_files = _files_by_scope(old_m)
    new_files = _files_by_scope(new_m)
    for scope in sorted(set(old_files) | set(new_files)):
        old_rows = [r for f in old_files.get(scope, []) for r in _rows(old_root, f)]
        new_rows = [r for f in new_files.get(scope, []) for r in _rows(new_root, f)]
        if not old_rows:
            result.scopes_added.append(" ".join(scope))
        if not new_rows:
            result.scopes_removed.append(" ".join(scope))
        _diff_scope(_by_key(old_rows), _by_key(new_rows), result)
    result.changed.sort(key=lambda c: (-abs(c.percent or Decimal(0)), c.product()))
    result.added.sort(key=PriceChange.product)
    result.removed.sort(key=PriceChange.product)
    return result


def _files_by_scope(manifest: Manifest) -> dict[tuple[str, str, str], list[FileInfo]]:
    out: dict[tuple[str, str, str], list[FileInfo]] = {}
    for info in manifest.files:
        out.setdefault(_scope(info), []).append(info)
    return out


def _diff_scope(old: dict[Key, CatalogRow], new: dict[Key, CatalogRow], result: CatalogDiff) -> None:
    only_old: list[CatalogRow] = []
    matched_new: set[Key] = set()
    for key, row in old.items():
        fresh = new.get(key)
        if fresh is None:
            only_old.append(row)
            continue
        matched_new.add(key)
        if fresh.price == row.price and fresh.currency == row.currency:
            result.unchanged += 1
        else:
            result.changed.append(_change(fresh, row.price, fresh.price))
    only_new = {k: r for k, r in new.items() if k not in matched_new}
    for row, partner in _pair_by_superset(only_old, only_new):
        if partner is None:
            result.removed.append(_change(row, row.price, None))
            continue
        del only_new[_key(partner)]
        if partner.price == row.price:
            result.unchanged += 1
        else:
            result.changed.append(_change(partner, row.price, partner.price))
    result.added.extend(_change(r, None, r.price) for r in only_new.values())


def _pairs(row: CatalogRow) -> tuple[tuple[str, str], ...]:
    return tuple(sorted((k.lower(), v.lower()) for k, v in row.attributes.items()))


def _pair_by_superset(
    removed: list[CatalogRow], added: dict[Key, CatalogRow]
) -> Iterator[tuple[CatalogRow, CatalogRow | None]]:
    """Match each removed row to the one added row whose attributes include all of its own."""
    index: dict[tuple[object, ...], dict[tuple[str, str], set[Key]]] = {}
    for key, row in added.items():
        group = index.setdefault((row.purchase_option, tuple(sorted(row.term.items())), row.unit, row.tier_start), {})
        for pair in _pairs(row):
            group.setdefault(pair, set()).add(key)
    taken: set[Key] = set()
    for row in removed:
        group = index.get((row.purchase_option, tuple(sorted(row.term.items())), row.unit, row.tier_start), {})
        candidates: set[Key] | None = None
        for pair in _pairs(row):
            found = group.get(pair, set())
            candidates = set(found) if candidates is None else candidates & found
            if not candidates:
                break
        live = (candidates or set()) - taken
        if len(live) == 1:
            only = next(iter(live))
            taken.add(only)
            yield row, added[only]
        else:
            yield row, None
