"""The one path from inputs to an Estimate, shared by every command (breakdown, diff, check,
comment): read each plan, price it against the catalog, and wrap it with catalog facts."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING
from pathlib import Path

from costgate.estimate import CatalogInfo, Estimate, Project, UsageLookup, build_project
from costgate.iac.plan_json import PlanJsonReader
from costgate.pricing.lookup import PriceBook
from costgate.model import Resource
from costgate.pricing.store import CatalogStore
from costgate.resources.base import Usage

if TYPE_CHECKING:
    from costgate.pricing.fetch import FetchSettings, ScopeFetch


def project_name(path: Path) -> str:
    """A readable project name: the plan's folder, or the file stem when the folder says nothing."""
    parent = path.resolve().parent.name
    stem = path.stem
    return parent if stem in ("plan", "tfplan", "plan.json") and parent else stem


def catalog_info(store: CatalogStore) -> CatalogInfo:
    """The facts about the catalog that every output names."""
    m = store.manifest
    return CatalogInfo(catalog_id=m.catalog_id, price_date=m.price_date, built_at=m.built_at, sources=tuple(s.id for s in m.sources))


def _distinct(plans: Sequence[Path]) -> list[tuple[int, Path, int]]:
    """(index, path, how many more times it was given) for each distinct plan file, first-given order.

    Why: the same plan given twice (a CI matrix that lists a path twice, a glob plus an explicit
    path) would be counted twice and double every total.
    """
    seen: dict[Path, list[int]] = {}
    for i, path in enumerate(plans):
        try:
            key = path.resolve()
        except OSError:  # an unresolvable path is read (and reported) as given
            key = path
        seen.setdefault(key, [i, 0])
        if seen[key][0] != i:
            seen[key][1] += 1
    return [(i, plans[i], repeats) for i, repeats in seen.values()]


def estimate_plans(
    plans: Sequence[Path],
    *,
    store: CatalogStore | None = None,
    usage: UsageLookup | None = None,
    names: Sequence[str] | None = None,
    free_tier: bool = False,
    as_of: date | None = None,
    usage_only: tuple[Sequence[Resource], Sequence[str], str] | None = None,
) -> Estimate:
    """Read and price every plan; one Project each.

    `usage_only` is (resources, warnings, usage file path) from UsageFile.usage_only_resources:
    resources no plan declares (aws_data_transfer); they become one more project, named for
    the usage file, so that several plans sharing one usage file do not each count them.
    """
    catalog = store or CatalogStore.open()
    book = PriceBook(catalog)
    reader = PlanJsonReader()
    projects: list[Project] = []
    for i, path, repeats in _distinct(plans):
        result = reader.read(path)
        name = names[i] if names and i < len(names) else project_name(path)
        if repeats:
            message = f"{path} was given {repeats + 1} times; it is priced once"
            print(f"costgate: warning: {message}", file=sys.stderr)
            result.warnings.append(message)
        projects.append(
            build_project(
                name,
                str(path),
                result.resources,
                book,
                usage=usage or (lambda _r: Usage()),
                warnings=result.warnings,
                metadata={"terraform_version": result.terraform_version, "format_version": result.format_version},
                today=as_of,
            )
        )
    if usage_only is not None and usage_only[0]:
        extra, extra_warnings, usage_path = usage_only
        projects.append(build_project(f"usage file {Path(usage_path).name}", usage_path, extra, book,
                                      usage=usage or (lambda _r: Usage()), warnings=extra_warnings, today=as_of))
    estimate = Estimate(projects=tuple(projects), catalog=catalog_info(catalog))
    if free_tier:
        from costgate.pricing.free_tier import apply_free_tier

        estimate, _used = apply_free_tier(estimate)
    return estimate


def estimate_fetching(
    plans: Sequence[Path],
    *,
    store: CatalogStore,
    settings: FetchSettings,
    max_age_days: int,
    on_fetch: Callable[[ScopeFetch], None] | None = None,
    usage: UsageLookup | None = None,
    names: Sequence[str] | None = None,
    free_tier: bool = False,
    as_of: date | None = None,
    usage_only: tuple[Sequence[Resource], Sequence[str], str] | None = None,
) -> Estimate:
    """`estimate_plans` with `--fetch-prices missing|all`: price, fetch the scopes that had no
    product (or every scope asked about, for `all`) into the cache's overlay, price again.

    A scope whose fetch failed keeps its components unpriced, with the failure in their reason.
    """
    from costgate.pricing.fetch import fetch_scopes, scopes_to_fetch
    from costgate.pricing.lookup import NO_PRODUCT
    from costgate.pricing.overlay import Overlay

    store.overlay = Overlay(store.cache, max_age_days=max_age_days)
    store.overlay_first = settings.mode == "all"
    kwargs = dict(store=store, usage=usage, names=names, free_tier=free_tier, as_of=as_of, usage_only=usage_only)
    estimate = estimate_plans(plans, **kwargs)  # type: ignore[arg-type]
    missing: set[tuple[str, str, str]] = set()
    queried: set[tuple[str, str, str]] = set()
    for project in estimate.projects:
        for resource in project.resources:
            for component in (*resource.components, *resource.before_components):
                query = component.query
                if query is None:
                    continue
                scope = (query.provider, query.service, query.region)
                queried.add(scope)
                miss = component.no_price
                if miss is not None and miss.kind == NO_PRODUCT and not miss.fetch:
                    missing.add(scope)
    wanted = scopes_to_fetch(settings.mode, missing=missing, queried=queried, overlay=store.overlay)
    report = fetch_scopes(wanted, store.overlay, settings, on_done=on_fetch)
    if report.scopes:
        store.fetch_failures = {s.scope: s.reason for s in report.scopes if s.status == "failed"}
        estimate = estimate_plans(plans, **kwargs)  # type: ignore[arg-type]
    return replace(estimate, fetch=report)
