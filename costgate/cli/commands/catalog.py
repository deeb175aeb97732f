"""`costgate catalog {build,refresh,info,query,diff}`: where prices come from, keeping them
fresh, looking them up, and seeing what a refresh changed."""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path
from typing import Any

from costgate.cli.options import emit
from costgate.errors import CatalogError
from costgate.pricing.age import ENV_MAX_AGE, newest_price_dates, warn_if_stale
from costgate.pricing.store import CatalogStore, default_data_dir


def _max_age_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--max-catalog-age-days",
        type=int,
        default=None,
        metavar="DAYS",
        help=f"warn when the catalog's prices are older than this (default ${ENV_MAX_AGE} or 120; 0: never)",
    )


def _csv_list(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `catalog` and its sub-commands."""
    p = sub.add_parser("catalog", help="build, refresh, inspect and query the pricing catalog")
    csub = p.add_subparsers(dest="catalog_command", metavar="SUBCOMMAND", parser_class=type(p))

    b = csub.add_parser("build", help="derive pricing_data/ from public price files")
    b.add_argument(
        "--prices-dir",
        type=Path,
        default=None,
        help="folder of public price files (default: ../shared/corpus/prices next to the repo)",
    )
    b.add_argument("--out", type=Path, default=None, help="output folder (default: the shipped pricing_data/)")
    b.add_argument("--source", action="append", help="only these source ids")
    b.add_argument("--verbose", action="store_true", help="list price lines no mapping claims")
    b.set_defaults(func=run_build)

    r = csub.add_parser("refresh", help="download fresh prices from the clouds' public price lists")
    r.add_argument("--catalog-dir", type=Path, help="catalog to refresh (default: the shipped pricing_data/)")
    r.add_argument(
        "--provider",
        action="append",
        choices=["aws", "azure", "google"],
        help="provider to refresh (repeatable; default: all three)",
    )
    r.add_argument(
        "--services",
        type=_csv_list,
        default=None,
        metavar="LIST",
        help="comma-separated services: AWS offer codes (AmazonEC2), Azure serviceName (Virtual Machines), "
        "GCP service display names (Compute Engine); default: those the catalog holds",
    )
    r.add_argument(
        "--regions",
        type=_csv_list,
        default=None,
        metavar="LIST",
        help="comma-separated region codes (us-east-1, eastus, us-central1); default: those the catalog holds",
    )
    r.add_argument(
        "--all-regions",
        action="store_true",
        help="every region the clouds publish for the services (not only those the catalog holds); "
        "what the weekly catalog-refresh workflow runs",
    )
    r.add_argument(
        "--aws-source",
        choices=["auto", "bulk", "api"],
        default="auto",
        help="AWS Price List bulk files, or the Pricing API via boto3 (auto: API when credentials exist)",
    )
    r.add_argument("--with-reserved", action="store_true", help="keep AWS reserved-instance terms too")
    r.add_argument(
        "--aws-base-url",
        default=None,
        help="AWS Price List bulk base URL (default $COSTGATE_AWS_BASE_URL or https://pricing.us-east-1.amazonaws.com)",
    )
    r.add_argument(
        "--azure-base-url",
        default=None,
        help="Azure Retail Prices API base URL (default $COSTGATE_AZURE_BASE_URL or https://prices.azure.com)",
    )
    r.add_argument(
        "--gcp-source",
        choices=["auto", "api", "pricing-yml"],
        default="auto",
        help="GCP Cloud Billing Catalog API (needs GOOGLE_API_KEY or COSTGATE_GCP_API_KEY) or the Cyclenerd pricing.yml",
    )
    r.add_argument(
        "--gcp-base-url",
        default=None,
        help="Cloud Billing Catalog API base URL (default $COSTGATE_GCP_BASE_URL or https://cloudbilling.googleapis.com)",
    )
    r.add_argument("--gcp-pricing-yml-url", default=None, help="URL of the Cyclenerd pricing.yml")
    r.add_argument(
        "--timeout", type=float, default=120.0, help="seconds to wait for data before retrying (default 120)"
    )
    r.add_argument("--no-progress", action="store_true", help="no progress bar")
    r.set_defaults(func=run_refresh)

    i = csub.add_parser("info", help="sources, dates, row counts and coverage")
    i.add_argument("--catalog-dir", type=Path)
    i.add_argument("--format", choices=["table", "json"], default="table")
    _max_age_option(i)
    i.set_defaults(func=run_info)

    q = csub.add_parser("query", help="look products up by provider, service, region and attributes")
    q.add_argument("--catalog-dir", type=Path)
    q.add_argument("--provider")
    q.add_argument("--service")
    q.add_argument("--region")
    q.add_argument("--attr", action="append", default=[], metavar="KEY=VALUE", help="attribute filter (repeatable)")
    q.add_argument("--limit", type=int, default=50)
    q.add_argument("--format", choices=["table", "json"], default="table")
    _max_age_option(q)
    q.set_defaults(func=run_query)

    d = csub.add_parser("diff", help="which prices changed between two catalogs (pricing_data folders)")
    d.add_argument("old", type=Path, metavar="OLD")
    d.add_argument("new", type=Path, metavar="NEW")
    d.add_argument("--format", choices=["table", "json"], default="table")
    d.add_argument(
        "--limit", type=int, default=50, help="changed/added/removed products listed in the table (default 50)"
    )
    d.set_defaults(func=run_diff)

    def _help(_args: argparse.Namespace) -> int:
        p.print_help()
        return 2

    p.set_defaults(func=_help)


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
    print(
        f"catalog {manifest.catalog_id}: {report.rows} rows in {report.files} files at {out} (price date {manifest.price_date})"
    )
    for sid, n in report.by_source.items():
        print(f"  {sid}: {n} rows read")
    unexplained = mreport.unexplained
    print(
        f"  price_facts lines mapped: {mreport.mapped_lines}, not mapped: {len(mreport.unmapped)} "
        f"({len(mreport.explained)} with a recorded reason, {len(unexplained)} without)"
    )
    if args.verbose:
        for prov, region, item, unit, price in unexplained:
            print(f"    unmapped: {prov} {region} {item!r} {unit} {price}")
    return 0


def run_refresh(args: argparse.Namespace) -> int:
    """Download fresh prices and swap them into the catalog atomically."""
    from costgate.pricing.refresh.http import HttpClient
    from costgate.pricing.refresh.progress import NullProgress
    from costgate.pricing.refresh.run import PROVIDERS, RefreshRequest, refresh
    from costgate.progress import current

    target = args.catalog_dir or default_data_dir()
    defaults = RefreshRequest()
    request = RefreshRequest(
        providers=tuple(args.provider or PROVIDERS),
        services=tuple(args.services) if args.services else None,
        regions=tuple(args.regions) if args.regions else None,
        aws_source=args.aws_source,
        aws_base_url=args.aws_base_url or os.environ.get("COSTGATE_AWS_BASE_URL") or defaults.aws_base_url,
        azure_base_url=args.azure_base_url or os.environ.get("COSTGATE_AZURE_BASE_URL") or defaults.azure_base_url,
        gcp_base_url=args.gcp_base_url or os.environ.get("COSTGATE_GCP_BASE_URL") or defaults.gcp_base_url,
        gcp_pricing_yml_url=(
            args.gcp_pricing_yml_url or os.environ.get("COSTGATE_GCP_PRICING_YML_URL") or defaults.gcp_pricing_yml_url
        ),
        gcp_source=args.gcp_source,
        with_reserved=args.with_reserved,
        all_regions=args.all_regions,
    )
    http = HttpClient(timeout=(10.0, args.timeout))
    # a bar on a terminal only, after a second (costgate/progress.py); --no-progress turns it off there too
    manifest, report = refresh(request, target, http=http, progress=NullProgress() if args.no_progress else current())
    total = sum(report.rows_by_scope.values())
    print(
        f"catalog {manifest.catalog_id} (price date {manifest.price_date}): {total} fresh rows in "
        f"{len(report.rows_by_scope)} scopes from {', '.join(report.sources)}; {report.requests} requests; at {target}"
    )
    for (provider, service, region), n in sorted(report.rows_by_scope.items()):
        print(f"  {provider:6} {service:28} {region:16} {n:>8}")
    for label in report.empty:
        print(f"  no prices returned for {label}: previous rows kept")
    return 0


def _open(args: argparse.Namespace) -> CatalogStore:
    return CatalogStore.open(args.catalog_dir)


def _warn_age(args: argparse.Namespace, store: CatalogStore) -> None:
    """After the catalog's files were read, so a refused file's error stays the only line on stderr."""
    warn_if_stale(store.manifest, flag=getattr(args, "max_catalog_age_days", None))


def coverage(counts: list[tuple[str, str, str, int]]) -> dict[str, Any]:
    """provider -> service -> {regions, rows}, plus region counts per provider."""
    matrix: dict[str, dict[str, dict[str, int]]] = {}
    regions: dict[str, set[str]] = {}
    for prov, service, region, n in counts:
        cell = matrix.setdefault(prov, {}).setdefault(service, {"regions": 0, "rows": 0})
        cell["regions"] += 1
        cell["rows"] += n
        regions.setdefault(prov, set()).add(region)
    return {"matrix": matrix, "region_counts": {p: len(r) for p, r in sorted(regions.items())}}


def run_info(args: argparse.Namespace) -> int:
    """Print sources, dates, row counts and the coverage matrix."""
    store = _open(args)
    store.verify_files()  # info reports on the files, so it checks them all (without indexing them)
    _warn_age(args, store)
    m = store.manifest
    counts = store.counts()
    cov = coverage(counts)
    fresh = {p: d.isoformat() for p, d in newest_price_dates(m).items()}
    if args.format == "json":
        doc = {
            "catalog_id": m.catalog_id,
            "built_at": m.built_at,
            "price_date": m.price_date,
            "newest_price_date_by_provider": fresh,
            "data_dir": str(store.data_dir),
            "sources": [s.model_dump() for s in m.sources],
            "files": [f.model_dump() for f in m.files],
            "coverage": [{"provider": p, "service": s, "region": r, "rows": n} for p, s, r, n in counts],
            "coverage_matrix": cov["matrix"],
            "region_counts": cov["region_counts"],
            "regions": {
                prov: sorted({r for p, _s, r, _n in counts if p == prov}) for prov in sorted({c[0] for c in counts})
            },
            "rows": sum(n for *_k, n in counts),
        }
        emit(json.dumps(doc, indent=2) + "\n", None)
        return 0
    lines = [
        f"costgate catalog {m.catalog_id} (built {m.built_at}, newest prices {m.price_date})",
        f"data: {store.data_dir}",
        "sources:",
    ]
    for src in m.sources:
        lines.append(f"  {src.id}: price date {src.price_date}; {src.licence}; {src.upstream}")
    lines.append("coverage (services x regions, rows):")
    for prov, services in sorted(cov["matrix"].items()):
        lines.append(f"  {prov}: {cov['region_counts'][prov]} regions, newest prices {fresh.get(prov, '?')}")
        for service, cell in sorted(services.items()):
            lines.append(f"    {service:34} {cell['regions']:>4} regions {cell['rows']:>8} rows")
    lines.append("rows by provider / service / region:")
    for p, s, r, n in counts:
        lines.append(f"  {p:6} {s:34} {r:24} {n:>7}")
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
    store = _open(args)
    found = store.search(args.provider, args.service, args.region, attrs, limit=args.limit)
    _warn_age(args, store)
    if args.format == "json":
        emit(
            json.dumps(
                [
                    {
                        "service": p.service,
                        "family": p.family,
                        "region": p.region,
                        "attributes": p.attributes,
                        "purchase_option": p.purchase_option,
                        "term": p.term,
                        "unit": p.unit,
                        "price": str(p.price),
                        "currency": p.currency,
                        "tier_start": str(p.tier_start),
                        "tier_end": None if p.tier_end is None else str(p.tier_end),
                        "sku": p.sku,
                        "source": p.source,
                        "price_date": p.price_date,
                        "catalog_id": store.manifest.catalog_id,
                    }
                    for p in found
                ],
                indent=2,
            )
            + "\n",
            None,
        )
        return 0
    header = f"# catalog {store.manifest.catalog_id}, price date {store.manifest.price_date}"
    if not found:
        emit(f"{header}\nno matching products\n", None)
        return 0
    lines = [header]
    for p in found:
        attrs_text = ", ".join(f"{k}={v}" for k, v in sorted(p.attributes.items()))
        tier = (
            f" tier {p.tier_start}-{p.tier_end if p.tier_end is not None else 'inf'}"
            if p.tier_start or p.tier_end
            else ""
        )
        term = "".join(f" {k}={v}" for k, v in p.term.items())
        lines.append(
            f"{p.region} {p.service}/{p.family or '-'} {p.price} {p.currency}/{p.unit} {p.purchase_option}{term}{tier} [{attrs_text}] ({p.source} {p.price_date})"
        )
    emit("\n".join(lines) + "\n", None)
    return 0


def run_diff(args: argparse.Namespace) -> int:
    """Print which prices changed between two catalogs."""
    from costgate.pricing.catalog_diff import PriceChange, diff_catalogs

    result = diff_catalogs(args.old, args.new)

    def item(c: PriceChange) -> dict[str, Any]:
        return {
            "provider": c.provider,
            "service": c.service,
            "region": c.region,
            "family": c.family,
            "attributes": c.attributes,
            "purchase_option": c.purchase_option,
            "term": c.term,
            "unit": c.unit,
            "tier_start": str(c.tier_start),
            "old_price": None if c.old is None else str(c.old),
            "new_price": None if c.new is None else str(c.new),
            "change": None if c.change is None else str(c.change),
            "change_percent": None if c.percent is None else str(c.percent),
            "currency": c.currency,
        }

    if args.format == "json":
        doc = {
            "old": {"catalog_id": result.old_id, "price_date": result.old_date, "path": str(args.old)},
            "new": {"catalog_id": result.new_id, "price_date": result.new_date, "path": str(args.new)},
            "summary": {
                "changed": len(result.changed),
                "added": len(result.added),
                "removed": len(result.removed),
                "unchanged": result.unchanged,
            },
            "scopes_added": result.scopes_added,
            "scopes_removed": result.scopes_removed,
            "changed": [item(c) for c in result.changed],
            "added": [item(c) for c in result.added],
            "removed": [item(c) for c in result.removed],
        }
        emit(json.dumps(doc, indent=2) + "\n", None)
        return 0
    lines = [
        f"catalog {result.old_id} (price date {result.old_date}) -> {result.new_id} (price date {result.new_date})",
        f"{len(result.changed)} prices changed, {len(result.added)} added, {len(result.removed)} removed, {result.unchanged} unchanged",
    ]
    for label, scopes in (("new scopes", result.scopes_added), ("scopes gone", result.scopes_removed)):
        if scopes:
            lines.append(f"{label}: {', '.join(scopes[:20])}{' ...' if len(scopes) > 20 else ''}")
    if result.changed:
        lines.append("changed (largest relative change first):")
        for c in result.changed[: args.limit]:
            pct = f"{c.percent:+}%" if c.percent is not None else "n/a"
            lines.append(f"  {c.old} -> {c.new} {c.currency} ({c.change:+}, {pct})  {c.product()}")
        if len(result.changed) > args.limit:
            lines.append(f"  ... {len(result.changed) - args.limit} more (--limit, or --format json)")
    for label, items, attr in (("added", result.added, "new"), ("removed", result.removed, "old")):
        if items:
            lines.append(f"{label}:")
            for c in items[: args.limit]:
                lines.append(f"  {getattr(c, attr)} {c.currency}  {c.product()}")
            if len(items) > args.limit:
                lines.append(f"  ... {len(items) - args.limit} more")
    emit("\n".join(lines) + "\n", None)
    return 0
