"""Unit prices from the infracost-golden price_facts.csv, mapped into each cloud's schema.

price_facts.csv names prices by an estimator's line-item text ("Storage (general purpose
SSD, gp2)"), not by product. The reviewed mapping tables in costgate/pricing/mappings/
<provider>/<service>.yaml say which product each line item is, as attributes in the cloud's
own schema. One line item can mean several products (an RDS instance line names the class
but not the engine), so an entry may filter on the exact unit price and emit several
attribute sets. Lines no entry maps are counted; each must be *explained* by the register of unmapped lines,
costgate/pricing/mappings/unmapped/<provider>.yaml (line_item regex, optional unit / regions /
price, and the reason), so that nothing is left out silently. `catalog build --verbose` lists
the lines neither mapped nor explained.

Mapping file format::

    provider: aws
    service: AmazonRDS
    entries:
      - line_item: 'Database instance \\(on-demand, (?P<az>Single-AZ|Multi-AZ), (?P<cls>db\\.\\S+)\\)'
        unit: hours                # price_facts unit (exact)
        regions: [us-east-1]       # optional: regions this entry applies to (Azure display names
                                   # such as "West Europe" are normalised to "westeurope" first)
        price: 0.136               # optional: only the line with this unit price
        catalog_region: global     # optional: store the product in this region, not the line's
                                   # (Azure meters sold in "Global", or a line whose label is
                                   # provably another region's; say why in the file header)
        family: Database Instance
        attributes:                # a mapping, or a list of mappings (one row each)
          instanceType: '{cls}'
          deploymentOption: '{az}'
          databaseEngine: MySQL
        catalog_unit: Hrs
        divisor: 1                 # price_facts price / divisor = catalog price per catalog unit
        multiplier: 1              # optional: price_facts price x multiplier / divisor (a commitment
                                   # fee the line shows spread over the committed amount: the amount)
        purchase_option: on_demand # optional
        term: {}                   # optional (reserved: leaseContractLength, purchaseOption, offeringClass)
        tier_start: 0              # optional, catalog units
        tier_end: null             # optional
        hourly_list_price: false   # optional: the line is an hourly list price x 730 printed per unit
                                   # from a cost rounded to the cent (an Elastic Premium GB-month,
                                   # or executions that run k times an hour for 730 hours):
                                   # recover the published price (list_price.py) from
                                   # price / divisor, as is done for lines in hours
"""

from __future__ import annotations

import csv
import hashlib
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from importlib import resources
from pathlib import Path
from typing import Any

from costgate.errors import CatalogBuildError
from costgate.pricing.build.list_price import list_price
from costgate.pricing.rows import CatalogRow
from costgate.safe_yaml import YamlSyntaxError, load_data

SOURCE_ID = "infracost-golden"
FILE = "infracost-golden/price_facts.csv"
PRICE_DATE = "2021-2026"
PRICE_TOLERANCE = Decimal("0.0000001")


@dataclass(frozen=True)
class MappingEntry:
    """One reviewed mapping rule (see the module docstring for the file format)."""

    provider: str
    service: str
    pattern: re.Pattern[str]
    unit: str
    family: str | None
    attributes: tuple[Mapping[str, str], ...]
    catalog_unit: str
    divisor: Decimal = Decimal(1)
    regions: frozenset[str] | None = None
    price: Decimal | None = None
    purchase_option: str = "on_demand"
    term: Mapping[str, str] = field(default_factory=dict)
    tier_start: Decimal = Decimal(0)
    tier_end: Decimal | None = None
    catalog_region: str | None = None
    multiplier: Decimal = Decimal(1)
    hourly_list_price: bool = False
    origin: str = ""


@dataclass(frozen=True)
class UnmappedReason:
    """A register entry: price_facts lines left out on purpose, and why."""

    provider: str
    pattern: re.Pattern[str]
    reason: str
    unit: str | None = None
    regions: frozenset[str] | None = None
    price: Decimal | None = None
    origin: str = ""

    def explains(self, provider: str, region: str, item: str, unit: str, price: Decimal) -> bool:
        """Whether this entry covers the line."""
        return (
            provider == self.provider
            and (self.unit is None or unit == self.unit)
            and (self.regions is None or region in self.regions)
            and (self.price is None or abs(self.price - price) <= PRICE_TOLERANCE)
            and self.pattern.fullmatch(item) is not None
        )


@dataclass
class MappingReport:
    """What the mapping did: rows made, and price_facts lines no entry claimed (explained by
    the register of unmapped lines, or not)."""

    mapped_lines: int = 0
    unmapped: list[tuple[str, str, str, str, str]] = field(default_factory=list)
    explained: list[tuple[tuple[str, str, str, str, str], str]] = field(default_factory=list)
    used_reasons: set[str] = field(default_factory=set)

    @property
    def unexplained(self) -> list[tuple[str, str, str, str, str]]:
        """Unmapped lines no register entry explains."""
        done = {line for line, _ in self.explained}
        return [line for line in self.unmapped if line not in done]


def mapping_dir() -> Path:
    """The folder holding the reviewed mapping tables."""
    return Path(str(resources.files("costgate.pricing").joinpath("mappings")))


def load_mappings(root: Path | None = None) -> list[MappingEntry]:
    """Load every mapping file under `root` (default: the package's mappings folder)."""
    base = root or mapping_dir()
    entries: list[MappingEntry] = []
    for path in sorted(base.glob("*/*.yaml")):
        if path.parent.name == UNMAPPED_DIR:
            continue
        try:
            doc = load_data(path.read_text(encoding="utf-8")) or {}
        except YamlSyntaxError as exc:
            raise CatalogBuildError(f"invalid YAML (line {exc.line}: {exc})", path=str(path)) from exc
        provider, service = doc.get("provider"), doc.get("service")
        if not provider or not service:
            raise CatalogBuildError("mapping file needs 'provider' and 'service'", path=str(path))
        for i, raw in enumerate(doc.get("entries") or []):
            entries.append(_entry(provider, raw.get("service", service), raw, f"{path.name}#{i}", path))
    return entries


UNMAPPED_DIR = "unmapped"


def load_unmapped_register(root: Path | None = None) -> list[UnmappedReason]:
    """The register of price_facts lines left unmapped on purpose (mappings/unmapped/*.yaml)."""
    base = (root or mapping_dir()) / UNMAPPED_DIR
    out: list[UnmappedReason] = []
    for path in sorted(base.glob("*.yaml")):
        try:
            doc = load_data(path.read_text(encoding="utf-8")) or {}
            provider = str(doc["provider"])
            for i, raw in enumerate(doc.get("lines") or []):
                out.append(
                    UnmappedReason(
                        provider=provider,
                        pattern=re.compile(raw["line_item"]),
                        reason=str(raw["reason"]),
                        unit=str(raw["unit"]) if raw.get("unit") is not None else None,
                        regions=frozenset(raw["regions"]) if raw.get("regions") else None,
                        price=Decimal(str(raw["price"])) if raw.get("price") is not None else None,
                        origin=f"{path.name}#{i}",
                    )
                )
        except (YamlSyntaxError, KeyError, TypeError, re.error, InvalidOperation) as exc:
            raise CatalogBuildError(f"invalid register of unmapped lines ({exc!r})", path=str(path)) from exc
    return out


def _entry(provider: str, service: str, raw: Mapping[str, Any], origin: str, path: Path) -> MappingEntry:
    try:
        attrs = raw.get("attributes") or {}
        attr_list = tuple(attrs) if isinstance(attrs, list) else (attrs,)
        return MappingEntry(
            provider=provider,
            service=service,
            pattern=re.compile(raw["line_item"]),
            unit=str(raw["unit"]),
            family=raw.get("family"),
            attributes=tuple({str(k): str(v) for k, v in a.items()} for a in attr_list),
            catalog_unit=str(raw["catalog_unit"]),
            divisor=Decimal(str(raw.get("divisor", 1))),
            regions=frozenset(raw["regions"]) if raw.get("regions") else None,
            price=Decimal(str(raw["price"])) if raw.get("price") is not None else None,
            purchase_option=str(raw.get("purchase_option", "on_demand")),
            term={str(k): str(v) for k, v in (raw.get("term") or {}).items()},
            tier_start=Decimal(str(raw.get("tier_start", 0))),
            tier_end=Decimal(str(raw["tier_end"])) if raw.get("tier_end") is not None else None,
            catalog_region=str(raw["catalog_region"]) if raw.get("catalog_region") else None,
            multiplier=Decimal(str(raw.get("multiplier", 1))),
            hourly_list_price=raw.get("hourly_list_price") is True,
            origin=origin,
        )
    except (KeyError, re.error, InvalidOperation, AttributeError, TypeError) as exc:
        raise CatalogBuildError(f"entry {origin}: {exc!r}", path=str(path)) from exc


def catalog_region(provider: str, region: str) -> str:
    """The region as the catalog names it.

    price_facts writes some Azure regions by display name ("West Europe"); the catalog (and the
    Retail Prices API's armRegionName) uses "westeurope", so mappings and lookups see one name.
    """
    if provider == "azure":
        return re.sub(r"\s+", "", region).lower()
    return region


HOURLY_UNIT = "hours"
"""The price_facts unit whose prices the estimator multiplied by 730 and printed in cents."""


def _catalog_price(price: Decimal, unit: str, entry: MappingEntry) -> Decimal:
    """The line's price per catalog unit; an hourly list price back-computed from a rounded monthly
    figure is recovered first (list_price.py). Only where the product is sold by the hour (divisor
    1): a per-day or per-month price divided into hours is no rounding artefact, and a price that is
    a monthly figure / 730 by nature (GiB-hours) is not either, unless the entry says its line is an
    hourly list price printed per month (`hourly_list_price`)."""
    if unit == HOURLY_UNIT and entry.divisor == 1 and entry.multiplier == 1:
        return list_price(price)
    if entry.hourly_list_price:
        return list_price(price / entry.divisor)
    return price * entry.multiplier / entry.divisor


def rows(
    prices_dir: Path,
    mappings: list[MappingEntry] | None = None,
    report: MappingReport | None = None,
    register: list[UnmappedReason] | None = None,
) -> Iterator[CatalogRow]:
    """Yield catalog rows for every price_facts line some mapping entry claims."""
    path = prices_dir / FILE
    entries = load_mappings() if mappings is None else mappings
    reasons = (load_unmapped_register() if mappings is None else []) if register is None else register
    report = report if report is not None else MappingReport()
    try:
        handle = path.open(newline="", encoding="utf-8")
    except FileNotFoundError as exc:
        raise CatalogBuildError("price source not found", path=str(path)) from exc
    with handle:
        for line, rec in enumerate(csv.DictReader(handle), start=2):
            provider, item, unit = rec["provider"], rec["line_item"], rec["unit"]
            region = catalog_region(provider, rec["region"])
            try:
                price = Decimal(rec["unit_price_usd"])
            except InvalidOperation as exc:
                raise CatalogBuildError(f"line {line}: bad price", path=str(path)) from exc
            matched = False
            for entry in entries:
                if entry.provider != provider or entry.unit != unit:
                    continue
                if entry.regions is not None and region not in entry.regions:
                    continue
                if entry.price is not None and abs(entry.price - price) > PRICE_TOLERANCE:
                    continue
                found = entry.pattern.fullmatch(item)
                if not found:
                    continue
                matched = True
                groups = {k: v for k, v in found.groupdict().items() if v is not None}
                stored = entry.catalog_region or region
                for attrs in entry.attributes:
                    attributes = {k: v.format(**groups) for k, v in attrs.items()}
                    # tiers of one product share a sku (so the lookup joins them into one tiered price)
                    key = f"{entry.service}|{stored}|{sorted(attributes.items())}|{entry.purchase_option}|{sorted(entry.term.items())}|{entry.catalog_unit}"
                    yield CatalogRow(
                        provider=provider,
                        service=entry.service,
                        family=entry.family,
                        region=stored or "global",
                        attributes=attributes,
                        unit=entry.catalog_unit,
                        price=_catalog_price(price, unit, entry),
                        purchase_option=entry.purchase_option,
                        term=entry.term,
                        tier_start=entry.tier_start,
                        tier_end=entry.tier_end,
                        sku="pf:" + hashlib.sha256(key.encode()).hexdigest()[:16],
                        source=SOURCE_ID,
                        price_date=PRICE_DATE,
                        description=item,
                    )
            if matched:
                report.mapped_lines += 1
                continue
            line_key = (provider, region, item, unit, rec["unit_price_usd"])
            report.unmapped.append(line_key)
            why = next((r for r in reasons if r.explains(provider, region, item, unit, price)), None)
            if why is not None:
                report.explained.append((line_key, why.reason))
                report.used_reasons.add(why.origin)
