"""`costgate catalog {build,info,query}`: where prices come from, and looking them up."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from costgate.cli.options import emit
from costgate.errors import CatalogError
from costgate.pricing.store import CatalogStore, default_data_dir


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `catalog` and its sub-commands."""
    p = sub.add_parser("catalog", help="build, inspect and query the pricing catalog")
    csub = p.add_subparsers(dest="catalog_command", metavar="SUBCOMMAND", parser_class=type(p))

    b = csub.add_parser("build", help="derive pricing_data/ from public price files")
    b.add_argument("--prices-dir", type=Path, default=None,
                   help="folder of public price files (default: ../shared/corpus/prices next to the repo)")
    b.add_argument("--out", type=Path, default=None, help="output folder (default: the shipped pricing_data/)")
    b.add_argument("--source", action="append", help="only these source ids")
    b.add_argument("--verbose", action="store_true", help="list price lines no mapping claims")
    b.set_defaults(func=run_build)

    i = csub.add_parser("info", help="sources, dates, row counts")
    i.add_argument("--catalog-dir", type=Path)
    i.add_argument("--format", choices=["table", "json"], default="table")
    i.set_defaults(func=run_info)

    q = csub.add_parser("query", help="look products up by provider, service, region and attributes")
    q.add_argument("--catalog-dir", type=Path)
    q.add_argument("--provider")
    q.add_argument("--service")
    q.add_argument("--region")
    q.add_argument("--attr", action="append", default=[], metavar="KEY=VALUE", help="attribute filter (repeatable)")
    q.add_argument("--limit", type=int, default=50)
    q.add_argument("--format", choices=["table", "json"], default="table")
    q.set_defaults(func=run_query)
    p.set_defaults(func=lambda _a: (p.print_help(), 2)[1])


def _default_prices_dir() -> Path:
    return Path(__file__).resolve().parents[3].parent / "shared" / "corpus" / "prices"


def run_build(args: argparse.Namespace) -> int:
    """Build the catalog and print what it holds."""
    from costgate.pricing.build.catalog import build_catalog
    from costgate.pricing.build.price_facts import MappingReport

    prices = args.prices_dir or _default_prices_dir()
    if not prices.is_dir():
        raise CatalogError("price source folder not found (pass --prices-dir)", path=str(prices))
    out = args.out or default_data_dir()
    mreport = MappingReport()
    manifest, report = build_catalog(prices, out, only=args.source, mapping_report=mreport)
    print(f"catalog {manifest.catalog_id}: {report.rows} rows in {report.files} files at {out}")
    for sid, n in report.by_source.items():
        print(f"  {sid}: {n} rows read")
    print(f"  price_facts lines mapped: {mreport.mapped_lines}, not mapped: {len(mreport.unmapped)}")
    if args.verbose:
        for prov, region, item, unit, price in mreport.unmapped:
            print(f"    unmapped: {prov} {region} {item!r} {unit} {price}")
    return 0


def run_info(args: argparse.Namespace) -> int:
    """Print sources, dates and row counts."""
    store = CatalogStore.open(args.catalog_dir)
    m = store.manifest
    counts = store.counts()
    if args.format == "json":
        doc = {
            "catalog_id": m.catalog_id,
            "built_at": m.built_at,
            "price_date": m.price_date,
            "data_dir": str(store.data_dir),
            "sources": [s.model_dump() for s in m.sources],
            "files": [f.model_dump() for f in m.files],
            "coverage": [{"provider": p, "service": s, "region": r, "rows": n} for p, s, r, n in counts],
            "regions": {
                prov: sorted({r for p, _s, r, _n in counts if p == prov}) for prov in sorted({c[0] for c in counts})
            },
        }
        emit(json.dumps(doc, indent=2) + "\n", None)
        return 0
    lines = [f"costgate catalog {m.catalog_id} (built {m.built_at}, newest prices {m.price_date})", f"data: {store.data_dir}", "sources:"]
    for s in m.sources:
        lines.append(f"  {s.id}: price date {s.price_date}; {s.licence}; {s.upstream}")
    lines.append("rows by provider / service / region:")
    for p, s, r, n in counts:
        lines.append(f"  {p:6} {s:28} {r:16} {n:>7}")
    emit("\n".join(lines) + "\n", None)
    return 0


def run_query(args: argparse.Namespace) -> int:
    """Print matching products with prices."""
    attrs = []
    for raw in args.attr:
        key, sep, value = raw.partition("=")
        if not sep or not key:
            raise CatalogError(f"--attr must be KEY=VALUE, got {raw!r}")
        attrs.append((key, value))
    store = CatalogStore.open(args.catalog_dir)
    found = store.search(args.provider, args.service, args.region, attrs, limit=args.limit)
    if args.format == "json":
        emit(json.dumps([
            {"service": p.service, "family": p.family, "region": p.region, "attributes": p.attributes,
             "purchase_option": p.purchase_option, "term": p.term, "unit": p.unit, "price": str(p.price),
             "currency": p.currency, "tier_start": str(p.tier_start), "tier_end": None if p.tier_end is None else str(p.tier_end),
             "sku": p.sku, "source": p.source, "price_date": p.price_date} for p in found], indent=2) + "\n", None)
        return 0
    if not found:
        emit("no matching products\n", None)
        return 0
    lines = []
    for p in found:
        attrs_text = ", ".join(f"{k}={v}" for k, v in sorted(p.attributes.items()))
        tier = f" tier {p.tier_start}-{p.tier_end if p.tier_end is not None else 'inf'}" if p.tier_start or p.tier_end else ""
        term = "".join(f" {k}={v}" for k, v in p.term.items())
        lines.append(f"{p.region} {p.service}/{p.family or '-'} {p.price} {p.currency}/{p.unit} {p.purchase_option}{term}{tier} [{attrs_text}] ({p.source} {p.price_date})")
    emit("\n".join(lines) + "\n", None)
    return 0
