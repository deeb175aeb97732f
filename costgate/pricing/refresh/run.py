"""The refresh itself: decide which (provider, service, region) scopes to fetch, fetch them
through the provider modules, stage the rows, and swap the new catalog into place.

A refreshed scope is replaced whole by the fresh rows (the clouds' own lists supersede the
derived sources); scopes not refreshed are carried over byte for byte after a sha256 check;
a scope that comes back empty keeps its previous file and is reported.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import Any

from costgate.errors import CatalogError
from costgate.pricing.azure_zones import ZONE_SERVICES, zone_region
from costgate.pricing.manifest import MANIFEST_NAME, Manifest, SourceInfo, load_manifest
from costgate.pricing.refresh import aws, azure, gcp
from costgate.pricing.refresh.http import HttpClient
from costgate.pricing.refresh.progress import NullProgress, RefreshProgress
from costgate.pricing.refresh.staging import Scope, Staging
from costgate.pricing.rows import CatalogRow

PROVIDERS = ("aws", "azure", "google")


@dataclass(frozen=True)
class RefreshRequest:
    """What to refresh and where to get it (URLs overridable so tests use a local server)."""

    providers: tuple[str, ...] = PROVIDERS
    services: tuple[str, ...] | None = None
    regions: tuple[str, ...] | None = None
    aws_source: str = "auto"  # auto (API when credentials exist), bulk, api
    aws_base_url: str = aws.DEFAULT_BULK_URL
    azure_base_url: str = azure.DEFAULT_BASE_URL
    gcp_base_url: str = gcp.DEFAULT_BASE_URL
    gcp_pricing_yml_url: str = gcp.DEFAULT_PRICING_YML_URL
    gcp_source: str = "auto"  # auto (API when a key is set), api, pricing-yml
    with_reserved: bool = False
    all_regions: bool = False  # every region the clouds publish for the services (AWS bulk, Azure, GCP)


@dataclass
class RefreshReport:
    """What a refresh did, for the CLI to print."""

    rows_by_scope: dict[Scope, int] = field(default_factory=dict)
    empty: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    requests: int = 0


def _pairs(
    existing: Manifest | None, provider: str, services: tuple[str, ...] | None, regions: tuple[str, ...] | None
) -> list[tuple[str, str]]:
    """(service, region) pairs to fetch: the flags, completed from what the catalog holds."""
    held = sorted(
        {(f.service, r) for f in (existing.files if existing else []) if f.provider == provider for r in f.regions}
    )
    if services and regions:
        return [(s, r) for s in services for r in regions]
    if services:
        held_regions = sorted({r for _s, r in held}) or []
        return [(s, r) for s in services for r in held_regions]
    if regions:
        return [(s, r) for s in sorted({s for s, _r in held}) for r in regions]
    return held


def refresh(
    request: RefreshRequest,
    target: Path,
    *,
    http: HttpClient | None = None,
    progress: RefreshProgress | None = None,
    aws_client: Any = None,
    today: str | None = None,
) -> tuple[Manifest, RefreshReport]:
    """Refresh the catalog at `target`; the previous catalog stays untouched on any error."""
    http = http or HttpClient()
    progress = progress or NullProgress()
    date = today or datetime.now(UTC).strftime("%Y-%m-%d")
    existing = load_manifest(target) if (target / MANIFEST_NAME).exists() else None
    report = RefreshReport()
    sources: dict[str, SourceInfo] = {}
    with Staging(target) as staging:
        for provider in request.providers:
            if provider == "aws":
                _refresh_aws(request, existing, staging, http, progress, report, sources, aws_client)
            elif provider == "azure":
                _refresh_azure(request, existing, staging, http, progress, report, sources, date)
            elif provider == "google":
                _refresh_gcp(request, existing, staging, http, progress, report, sources, date)
            else:
                raise CatalogError(f"unknown provider {provider!r} (choose from {', '.join(PROVIDERS)})")
        if not staging.scopes:
            raise CatalogError(
                "the refresh fetched no prices; the catalog is unchanged"
                + (f" (empty: {', '.join(report.empty)})" if report.empty else "")
            )
        report.rows_by_scope = {s: st.rows for s, st in staging.scopes.items()}
        report.requests = http.attempts
        report.sources = sorted(sources)
        manifest = staging.commit(list(sources.values()))
    return manifest, report


def _stage(staging: Staging, rows: Iterable[CatalogRow], label: str, report: RefreshReport) -> None:
    if staging.add_all(rows) == 0:
        report.empty.append(label)


def _refresh_aws(
    request: RefreshRequest,
    existing: Manifest | None,
    staging: Staging,
    http: HttpClient,
    progress: RefreshProgress,
    report: RefreshReport,
    sources: dict[str, SourceInfo],
    client: Any,
) -> None:
    pairs = _pairs(existing, "aws", request.services, request.regions)
    if not pairs:
        raise CatalogError("nothing to refresh for aws: pass --services and --regions")
    use_api = request.aws_source == "api" or (
        request.aws_source == "auto" and not request.all_regions and (client is not None or aws.has_credentials())
    )
    if use_api and request.all_regions:
        raise CatalogError("--all-regions reads AWS's region indexes: use --aws-source bulk")
    if use_api:
        if client is None:
            from costgate.extras import require_aws

            boto3 = require_aws("catalog refresh from the AWS Pricing API (--aws-source api)")
            client = boto3.client("pricing", region_name="us-east-1")
        for service, region in pairs:
            task = progress.start(f"aws {service} {region} (Pricing API)", unit="products")
            rows = aws.api_rows(
                client,
                service=service,
                region=region,
                with_reserved=request.with_reserved,
                on_page=partial(progress.advance, task),
            )
            _stage(staging, rows, f"aws {service} {region}", report)
            progress.finish(task)
        sources[aws.SOURCE_API] = SourceInfo(
            id=aws.SOURCE_API,
            upstream="AWS Pricing API (pricing.get_products)",
            price_date=datetime.now(UTC).strftime("%Y-%m-%d"),
            licence="AWS Price List",
        )
        return
    base = request.aws_base_url.rstrip("/")
    index = http.get_json(base + aws.OFFER_INDEX_PATH)
    by_service: dict[str, list[str]] = {}
    for service, region in pairs:
        by_service.setdefault(service, []).append(region)
    dates: list[str] = []
    for service, regions in by_service.items():
        region_index = http.get_json(aws.region_index_url(index, base, service))
        urls = aws.region_csv_urls(region_index, base, None if request.all_regions else regions)
        if request.all_regions:
            regions = sorted(urls)
        for region in regions:
            url = urls.get(region)
            if url is None:
                report.empty.append(f"aws {service} {region} (not in AWS's region index)")
                continue
            task = progress.start(f"aws {service} {region}", unit="bytes")
            lines = http.iter_lines(
                url, on_bytes=partial(progress.advance, task), on_total=partial(progress.set_total, task)
            )
            rows = aws.csv_rows(lines, service=service, region=region, with_reserved=request.with_reserved, origin=url)
            _stage(staging, _note_dates(rows, dates), f"aws {service} {region}", report)
            progress.finish(task)
    sources[aws.SOURCE_BULK] = SourceInfo(
        id=aws.SOURCE_BULK,
        upstream=base + aws.OFFER_INDEX_PATH,
        price_date=max(dates, default=""),
        licence="AWS Price List",
    )


def _note_dates(rows: Iterable[CatalogRow], dates: list[str]) -> Iterator[CatalogRow]:
    seen = ""
    for row in rows:
        if row.price_date and row.price_date != seen:
            seen = row.price_date
            if seen not in dates:
                dates.append(seen)
        yield row


def _refresh_azure(
    request: RefreshRequest,
    existing: Manifest | None,
    staging: Staging,
    http: HttpClient,
    progress: RefreshProgress,
    report: RefreshReport,
    sources: dict[str, SourceInfo],
    date: str,
) -> None:
    pairs = _pairs(existing, "azure", request.services, request.regions)
    if not pairs:
        raise CatalogError("nothing to refresh for azure: pass --services and --regions")
    pairs = [(s, zone_region(r) or r) for s, r in pairs]  # "zone 1", "Zone1" -> "Zone 1"
    if request.all_regions:  # one query per service without a region filter: every region's prices
        pairs = [(service, "") for service in sorted({s for s, _r in pairs})]
    # the billing zones of the locations asked for: zone-priced meters (Azure DNS, Front Door,
    # peering) are listed under "Zone 1"..., never under the location itself
    zone_pairs = [
        (service, zone)
        for service in dict.fromkeys(s for s, _r in pairs)
        if service in ZONE_SERVICES
        for zone in azure.zones_of([r for s, r in pairs if s == service])
    ]
    for service, region in [*pairs, *zone_pairs]:
        task = progress.start(f"azure {service} {region}", unit="prices")
        rows = azure.fetch(
            http,
            service=service,
            region=None if region in ("global", "") else region,
            base_url=request.azure_base_url,
            price_date=date,
            on_page=partial(progress.advance, task),
        )
        if (service, region) in zone_pairs:  # a location's CDN zone may sell no DNS: not worth a line
            staging.add_all(rows)
        else:
            _stage(staging, rows, f"azure {service} {region}", report)
        progress.finish(task)
    sources[azure.SOURCE_ID] = SourceInfo(
        id=azure.SOURCE_ID,
        upstream=request.azure_base_url.rstrip("/") + azure.PRICES_PATH,
        price_date=date,
        licence="Azure Retail Prices API terms",
    )


def _refresh_gcp(
    request: RefreshRequest,
    existing: Manifest | None,
    staging: Staging,
    http: HttpClient,
    progress: RefreshProgress,
    report: RefreshReport,
    sources: dict[str, SourceInfo],
    date: str,
) -> None:
    key = gcp.api_key()
    use_api = request.gcp_source == "api" or (request.gcp_source == "auto" and key is not None)
    if use_api:
        if key is None:
            raise CatalogError("the Cloud Billing Catalog needs an API key in GOOGLE_API_KEY or COSTGATE_GCP_API_KEY")
        held = sorted({f.service for f in (existing.files if existing else []) if f.provider == "google"})
        services = request.services or tuple(held)
        if not services:
            raise CatalogError("nothing to refresh for google: pass --services")
        task = progress.start("google Cloud Billing Catalog", unit="skus")
        rows = gcp.fetch_api(
            http,
            key=key,
            services=services,
            regions=request.regions,
            base_url=request.gcp_base_url,
            price_date=date,
            on_page=partial(progress.advance, task),
        )
        _stage(staging, rows, "google " + ", ".join(services), report)
        progress.finish(task)
        sources[gcp.SOURCE_API] = SourceInfo(
            id=gcp.SOURCE_API,
            upstream=request.gcp_base_url.rstrip("/") + "/v1/services",
            price_date=date,
            licence="Google Cloud Billing Catalog API terms",
        )
        return
    task = progress.start("google pricing.yml (Cyclenerd)", unit="rows")
    count = 0

    def counted(rows: Iterable[CatalogRow]) -> Iterator[CatalogRow]:
        nonlocal count
        for row in rows:
            count += 1
            if count % 5000 == 0:
                progress.advance(task, 5000)
            yield row

    yml_dates: list[str] = []
    rows = gcp.fetch_pricing_yml(
        http, url=request.gcp_pricing_yml_url, services=request.services, regions=request.regions
    )
    _stage(staging, _note_dates(counted(rows), yml_dates), "google pricing.yml", report)
    progress.finish(task)
    sources[gcp.SOURCE_YML] = SourceInfo(
        id=gcp.SOURCE_YML,
        upstream=request.gcp_pricing_yml_url,
        price_date=max(yml_dates, default=date),
        licence="Apache-2.0",
        notes="refreshed by costgate catalog refresh",
    )
