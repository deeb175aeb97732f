"""`--fetch-prices missing|all`: fetch the (provider, service, region) scopes a plan needs and
the shipped catalog lacks, through the same streaming parsers `catalog refresh` uses, into the
overlay in the cache dir (overlay.py).

Why: the shipped catalog holds what public sources on the build machine had; a CI runner can
reach the clouds' public price lists. A fetch that fails (HTTP error, timeout, a download cut
short, a malformed file, no network) is an outcome, never a crash: the scope's components stay
unpriced with the reason, and no partial file is kept. All fetches of one run share one time
budget (`--fetch-timeout`); once a provider's host cannot be reached its other scopes are not
tried again in that run.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import requests

from costgate import progress
from costgate.errors import CatalogError
from costgate.pricing.fetch_mode import fetch_mode
from costgate.pricing.overlay import Overlay
from costgate.pricing.refresh import aws, azure, gcp
from costgate.pricing.refresh.http import HttpClient
from costgate.pricing.rows import CatalogRow

ENV_TIMEOUT = "COSTGATE_FETCH_TIMEOUT"
ENV_BASE_URLS = {"aws": "COSTGATE_AWS_BASE_URL", "azure": "COSTGATE_AZURE_BASE_URL", "google": "COSTGATE_GCP_BASE_URL"}
ENV_GCP_PRICING_YML = "COSTGATE_GCP_PRICING_YML_URL"
DEFAULT_TIMEOUT_SECONDS = 120.0
Scope = tuple[str, str, str]


@dataclass(frozen=True, slots=True)
class FetchSettings:
    """Whether and where to fetch missing prices (flags over environment over costgate.yml)."""

    mode: str = "never"
    timeout: float = DEFAULT_TIMEOUT_SECONDS
    aws_base_url: str = aws.DEFAULT_BULK_URL
    azure_base_url: str = azure.DEFAULT_BASE_URL
    gcp_base_url: str = gcp.DEFAULT_BASE_URL
    gcp_pricing_yml_url: str = gcp.DEFAULT_PRICING_YML_URL


@dataclass(frozen=True, slots=True)
class ScopeFetch:
    """What happened to one scope: "fetched" in this run, "failed" (with the reason)."""

    provider: str
    service: str
    region: str
    status: str
    rows: int = 0
    url: str = ""
    source: str = ""
    fetched_at: str = ""
    reason: str = ""

    @property
    def scope(self) -> Scope:
        """(provider, service, region)."""
        return (self.provider, self.service, self.region)


@dataclass(frozen=True, slots=True)
class FetchReport:
    """The fetches of one run, for every output."""

    mode: str
    scopes: tuple[ScopeFetch, ...] = ()
    seconds: float = 0.0

    @property
    def fetched(self) -> frozenset[Scope]:
        """Scopes whose prices were fetched in this run."""
        return frozenset(s.scope for s in self.scopes if s.status == "fetched")


def resolve_settings(
    *,
    mode: str | None = None,
    timeout: float | None = None,
    aws_base_url: str | None = None,
    azure_base_url: str | None = None,
    gcp_base_url: str | None = None,
    config_mode: str | None = None,
    config_timeout: float | None = None,
) -> FetchSettings:
    """Flags win over COSTGATE_* environment variables, which win over costgate.yml.

    Raises CatalogError naming the variable when the environment holds a value costgate
    cannot use.
    """
    chosen = fetch_mode(mode, config_mode)
    budget = timeout
    if budget is None and os.environ.get(ENV_TIMEOUT, "").strip():
        raw = os.environ[ENV_TIMEOUT].strip()
        try:
            budget = float(raw)
        except ValueError as exc:
            raise CatalogError(f"{ENV_TIMEOUT} must be a number of seconds, got {raw!r}") from exc
    if budget is None:
        budget = config_timeout if config_timeout is not None else DEFAULT_TIMEOUT_SECONDS
    if not budget > 0 or budget == float("inf"):
        raise CatalogError(f"the fetch timeout must be a positive number of seconds, got {budget!r}")

    def url(flag: str | None, provider: str, default: str) -> str:
        return (flag or os.environ.get(ENV_BASE_URLS[provider], "").strip() or default).rstrip("/")

    return FetchSettings(
        mode=chosen,
        timeout=budget,
        aws_base_url=url(aws_base_url, "aws", aws.DEFAULT_BULK_URL),
        azure_base_url=url(azure_base_url, "azure", azure.DEFAULT_BASE_URL),
        gcp_base_url=url(gcp_base_url, "google", gcp.DEFAULT_BASE_URL),
        gcp_pricing_yml_url=os.environ.get(ENV_GCP_PRICING_YML, "").strip() or gcp.DEFAULT_PRICING_YML_URL,
    )


@dataclass
class _Run:
    """State of one run's fetches: the shared HTTP client, indexes already read, hosts down."""

    settings: FetchSettings
    overlay: Overlay
    http: HttpClient
    down: dict[str, str] = field(default_factory=dict)
    aws_offer_index: Any = None
    aws_region_indexes: dict[str, Any] = field(default_factory=dict)


def fetch_scopes(
    scopes: Iterable[Scope],
    overlay: Overlay,
    settings: FetchSettings,
    *,
    http: HttpClient | None = None,
    on_done: Callable[[ScopeFetch], None] | None = None,
) -> FetchReport:
    """Fetch each scope into `overlay` within the time budget; never raises for a failed fetch."""
    start = time.monotonic()
    client = http or HttpClient(timeout=(10.0, 60.0), retries=2, backoff=0.5)
    client.deadline = start + settings.timeout
    run = _Run(settings, overlay, client)
    done: list[ScopeFetch] = []
    for scope in sorted(set(scopes)):
        outcome = _fetch_one(run, scope)
        done.append(outcome)
        if on_done is not None:
            on_done(outcome)
    return FetchReport(mode=settings.mode, scopes=tuple(done), seconds=time.monotonic() - start)


def _fetch_one(run: _Run, scope: Scope) -> ScopeFetch:
    provider, service, region = scope
    if provider in run.down:
        return ScopeFetch(*scope, status="failed", reason=run.down[provider])
    reporter = progress.current()
    task = reporter.start(f"fetching {provider} {service} {region} prices", unit="rows")
    try:
        return _fetch_reported(run, scope, reporter, task)
    finally:
        reporter.finish(task)


def _fetch_reported(run: _Run, scope: Scope, reporter: progress.ProgressReporter, task: int) -> ScopeFetch:
    provider, service, region = scope
    try:
        if provider == "aws":
            url, source, rows = _aws(run, service, region)
        elif provider == "azure":
            url, source, rows = _azure(run, service, region)
        elif provider == "google":
            url, source, rows = _gcp(run, service, region)
        else:
            return ScopeFetch(*scope, status="failed", reason=f"no public price source for provider {provider!r}")
        entry = run.overlay.store(scope, _within_budget(run.http, rows, url, reporter, task), source=source, url=url)
    except CatalogError as exc:
        reason = str(exc)
        if isinstance(exc.__cause__, (requests.ConnectionError, requests.Timeout)) or "time budget" in reason:
            run.down[provider] = reason  # the host is unreachable or the budget is gone: stop trying it
        return ScopeFetch(*scope, status="failed", reason=reason)
    if entry.rows == 0:
        return ScopeFetch(
            *scope,
            status="fetched",
            rows=0,
            url=url,
            source=source,
            fetched_at=entry.fetched_at,
            reason="the price list holds no prices for this scope",
        )
    return ScopeFetch(*scope, status="fetched", rows=entry.rows, url=url, source=source, fetched_at=entry.fetched_at)


def _within_budget(
    http: HttpClient, rows: Iterable[CatalogRow], url: str, reporter: progress.ProgressReporter, task: int
) -> Iterator[CatalogRow]:
    count = reported = 0
    for row in rows:
        if count % 2000 == 0:
            http.check_deadline(url)
            reporter.advance(task, count - reported)
            reported = count
        count += 1
        yield row
    reporter.advance(task, count - reported)


def _aws(run: _Run, service: str, region: str) -> tuple[str, str, Iterator[CatalogRow]]:
    base = run.settings.aws_base_url
    if run.aws_offer_index is None:
        run.aws_offer_index = run.http.get_json(base + aws.OFFER_INDEX_PATH)
    region_index = run.aws_region_indexes.get(service)
    if region_index is None:
        region_index = run.aws_region_indexes[service] = run.http.get_json(
            aws.region_index_url(run.aws_offer_index, base, service)
        )
    url = aws.region_csv_urls(region_index, base, [region]).get(region)
    if url is None:
        raise CatalogError(
            f"AWS publishes no {service} price list for region {region}",
            path=aws.region_index_url(run.aws_offer_index, base, service),
        )
    lines = run.http.iter_lines(url)
    return url, aws.SOURCE_BULK, aws.csv_rows(lines, service=service, region=region, origin=url)


def _azure(run: _Run, service: str, region: str) -> tuple[str, str, Iterator[CatalogRow]]:
    base = run.settings.azure_base_url
    rows = azure.fetch(
        run.http,
        service=service,
        region=None if region == "global" else region,
        base_url=base,
        price_date=datetime.now(UTC).strftime("%Y-%m-%d"),
    )
    return base + azure.PRICES_PATH, azure.SOURCE_ID, (r for r in rows if r.region == region)


def _gcp(run: _Run, service: str, region: str) -> tuple[str, str, Iterator[CatalogRow]]:
    key = gcp.api_key()
    if key is not None:
        base = run.settings.gcp_base_url
        rows = gcp.fetch_api(
            run.http,
            key=key,
            services=[service],
            regions=[region],
            base_url=base,
            price_date=datetime.now(UTC).strftime("%Y-%m-%d"),
        )
        return base + "/v1/services", gcp.SOURCE_API, (r for r in rows if r.region == region)
    url = run.settings.gcp_pricing_yml_url
    rows = gcp.fetch_pricing_yml(run.http, url=url, services=[service], regions=[region])
    return url.split("?", 1)[0], gcp.SOURCE_YML, (r for r in rows if r.region == region)


def scopes_to_fetch(mode: str, *, missing: Iterable[Scope], queried: Iterable[Scope], overlay: Overlay) -> list[Scope]:
    """The scopes a run fetches: those with no product (`missing`) or every scope asked about
    (`all`), less those the overlay already holds within the age limit."""
    wanted: Sequence[Scope] = sorted(set(queried if mode == "all" else missing))
    return [s for s in wanted if not overlay.fresh(s)]
