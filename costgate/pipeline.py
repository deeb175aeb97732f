"""The one path from inputs to an Estimate, shared by every command (breakdown, diff, check,
comment): read each project input (a plan, an HCL folder, or either compared with its base
side), price it against the catalog, and wrap it with catalog facts."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, assert_never

from costgate.errors import ReaderError
from costgate.estimate import CatalogInfo, Estimate, Project, UsageLookup, build_project
from costgate.iac.base import ReadResult
from costgate.iac.compare import compare_states, running
from costgate.iac.plan_json import PlanJsonReader
from costgate.model import Resource
from costgate.pricing.lookup import PriceBook
from costgate.pricing.store import CatalogStore
from costgate.project_input import InputKind, ProjectInput
from costgate.resources.base import Usage

if TYPE_CHECKING:
    from costgate.currency import ExchangeRate
    from costgate.pricing.fetch import FetchSettings, ScopeFetch

Rewrite = Callable[[Resource], Resource]
"""A change made to every resource after it is read and before it is priced (`whatif` moves
resources to another region or instance family this way): the one pricing path stays one."""
Reader = Callable[[ProjectInput], ReadResult]
"""How a project input is read (`read_input`, or a memo of it when one run prices the same
inputs several times)."""


def project_name(path: Path) -> str:
    """A readable project name: the plan's folder, or the file stem when the folder says nothing."""
    parent = path.resolve().parent.name
    stem = path.stem
    return parent if stem in ("plan", "tfplan", "plan.json") and parent else stem


def catalog_info(store: CatalogStore) -> CatalogInfo:
    """The facts about the catalog that every output names."""
    m = store.manifest
    return CatalogInfo(
        catalog_id=m.catalog_id, price_date=m.price_date, built_at=m.built_at, sources=tuple(s.id for s in m.sources)
    )


def _key(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, ValueError):  # unresolvable (or a NUL byte in it): read, and reported, as given
        return path


def _distinct(inputs: Sequence[ProjectInput]) -> list[tuple[ProjectInput, int]]:
    """(input, how many more times it was given) for each distinct input, first-given order.

    Why: the same plan given twice (a CI matrix that lists a path twice, a glob plus an explicit
    path) would be counted twice and double every total.
    """
    seen: dict[tuple[str, Path, Path | None], list[int]] = {}
    for i, inp in enumerate(inputs):
        key = (inp.kind.value, _key(inp.path), _key(inp.base.path) if inp.base is not None else None)
        seen.setdefault(key, [i, 0])
        if seen[key][0] != i:
            seen[key][1] += 1
    return [(inputs[i], repeats) for i, repeats in seen.values()]


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
    """Read and price every plan; one Project each (estimate_inputs for plan files only)."""
    return estimate_inputs(
        plan_inputs(plans, names), store=store, usage=usage, free_tier=free_tier, as_of=as_of, usage_only=usage_only
    )


def plan_inputs(plans: Sequence[Path], names: Sequence[str] | None = None) -> list[ProjectInput]:
    """Plan files as project inputs, named by `names` where given, else by their folder."""
    return [
        ProjectInput(InputKind.PLAN, path, names[i] if names and i < len(names) else project_name(path))
        for i, path in enumerate(plans)
    ]


def estimate_inputs(
    inputs: Sequence[ProjectInput],
    *,
    store: CatalogStore | None = None,
    usage: UsageLookup | None = None,
    usage_profile: str | None = None,
    free_tier: bool = False,
    as_of: date | None = None,
    usage_only: tuple[Sequence[Resource], Sequence[str], str] | None = None,
    rewrite: Rewrite | None = None,
    reader: Reader | None = None,
    exchange: ExchangeRate | None = None,
) -> Estimate:
    """Read and price every project input; one Project each, in order (an input given twice once).

    `usage` is the run's usage lookup (--usage-file and --usage-profile); a project with a
    usage file of its own uses that file instead, with `usage_profile` filling what it leaves
    out. `usage_only` is (resources, warnings, usage file path) from UsageFile.usage_only:
    resources no plan declares (aws_data_transfer); they become one more project, named for
    the usage file, so that several projects sharing one usage file do not each count them
    (the same holds for a project's own usage file, counted once however many projects name it).
    """
    catalog = store or CatalogStore.open()
    book = PriceBook(catalog)
    projects: list[Project] = []
    extras: dict[str, tuple[Sequence[Resource], Sequence[str], str]] = {}
    if usage_only is not None:
        extras[str(Path(usage_only[2]).resolve())] = usage_only
    for inp, repeats in _distinct(inputs):
        lookup = usage
        if inp.usage_file is not None:
            from costgate.iac.usage_file import load_usage_file

            own = load_usage_file(inp.usage_file)
            lookup = own.for_resource
            if usage_profile:
                from costgate.iac.usage_profiles import with_profile

                lookup = with_profile(usage_profile, lookup)
            extras.setdefault(str(inp.usage_file.resolve()), own.usage_only())
        read = (reader or read_input)(inp)
        warnings = list(read.warnings)  # a memoized read is shared: never append to its list
        if repeats:
            message = f"{inp.path} was given {repeats + 1} times; it is priced once"
            print(f"costgate: warning: {message}", file=sys.stderr)
            warnings.append(message)
        projects.append(
            build_project(
                inp.name,
                str(inp.path),
                read.resources if rewrite is None else [rewrite(r) for r in read.resources],
                book,
                usage=lookup or (lambda _r: Usage()),
                warnings=warnings,
                metadata={
                    "terraform_version": read.terraform_version,
                    "format_version": read.format_version,
                    "before_side": _before_side(inp),
                },
                today=as_of,
                kind=inp.kind.value,
                unknowns=read.unknowns,
            )
        )
    for extra, extra_warnings, usage_path in extras.values():
        if extra:
            moved = extra if rewrite is None else [rewrite(r) for r in extra]
            projects.append(
                build_project(
                    f"usage file {Path(usage_path).name}",
                    usage_path,
                    moved,
                    book,
                    usage=usage or (lambda _r: Usage()),
                    warnings=extra_warnings,
                    today=as_of,
                    kind="usage_file",
                )
            )
    estimate = Estimate(projects=tuple(projects), catalog=catalog_info(catalog))
    if free_tier:
        from costgate.free_tier import apply_free_tier

        estimate, _used = apply_free_tier(estimate)
    if exchange is not None:
        from costgate.currency import convert_estimate

        estimate = convert_estimate(estimate, exchange)
    return estimate


def _before_side(inp: ProjectInput) -> str:
    """Where the project's before side comes from: "plan" (a plan's prior state), "base" (a base
    plan or --compare-to's folder), or "none" (an HCL folder alone: everything reads as created,
    so its delta is the whole project, not a change; the anomaly rule uses the ledger instead)."""
    if inp.base is not None or inp.base_missing:
        return "base"
    return "plan" if inp.kind is InputKind.PLAN else "none"


def estimate_fetching(
    inputs: Sequence[ProjectInput],
    *,
    store: CatalogStore,
    settings: FetchSettings,
    max_age_days: int,
    on_fetch: Callable[[ScopeFetch], None] | None = None,
    usage: UsageLookup | None = None,
    usage_profile: str | None = None,
    free_tier: bool = False,
    as_of: date | None = None,
    usage_only: tuple[Sequence[Resource], Sequence[str], str] | None = None,
    rewrite: Rewrite | None = None,
    reader: Reader | None = None,
    exchange: ExchangeRate | None = None,
) -> Estimate:
    """`estimate_inputs` with `--fetch-prices missing|all`: price, fetch the scopes that had no
    product (or every scope asked about, for `all`) into the cache's overlay, price again.

    A scope whose fetch failed keeps its components unpriced, with the failure in their reason.
    """
    from costgate.pricing.fetch import fetch_scopes, scopes_to_fetch
    from costgate.pricing.lookup import NO_PRODUCT
    from costgate.pricing.overlay import Overlay

    store.overlay = Overlay(store.cache, max_age_days=max_age_days)
    store.overlay_first = settings.mode == "all"
    price = partial(
        estimate_inputs,
        inputs,
        store=store,
        usage=usage,
        usage_profile=usage_profile,
        free_tier=free_tier,
        as_of=as_of,
        usage_only=usage_only,
        rewrite=rewrite,
        reader=reader,
        exchange=exchange,
    )
    estimate = price()
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
        estimate = price()
    return replace(estimate, fetch=report)


def memo_reader() -> Reader:
    """`read_input` that reads each input once: a run that prices the same inputs several times
    (one `whatif` region after another) parses its plans and folders once."""
    seen: dict[tuple[str, str, str | None, str], ReadResult] = {}

    def read(inp: ProjectInput) -> ReadResult:
        key = (
            inp.kind.value,
            str(_key(inp.path)),
            str(_key(inp.base.path)) if inp.base is not None else None,
            inp.name,
        )
        found = seen.get(key)
        if found is None:
            found = seen[key] = read_input(inp)
        return found

    return read


def read_one(inp: ProjectInput) -> ReadResult:
    """Read one side of a project with its reader (the HCL reader is imported only when needed)."""
    if inp.kind is InputKind.PLAN:
        return PlanJsonReader().read(inp.path)
    if inp.kind is InputKind.HCL:
        from costgate.iac.hcl import HclReader

        env = {**os.environ, "TF_WORKSPACE": inp.workspace} if inp.workspace else None
        # a base ref's files live in a temporary folder laid out as the repository: that folder is the root
        file_root = Path(inp.shown_as[0]) if inp.shown_as else None
        return HclReader(var_files=inp.var_files, variables=inp.variables, env=env, file_root=file_root).read(inp.path)
    assert_never(inp.kind)


def _read_base(base: ProjectInput, label: str) -> ReadResult:
    """Read a base side; an error in a git ref's files names the repository's path and the ref,
    not the temporary folder they were unpacked into."""
    if base.shown_as is None:
        return read_one(base)
    try:
        return read_one(base)
    except ReaderError as exc:
        raise ReaderError(f"{base.show(str(exc))} (at {label})") from exc


def read_input(inp: ProjectInput) -> ReadResult:
    """A project's resources: as read, or, for a branch diff, the change from its base side to it.

    Warnings and unknowns of the base side are kept, marked with the base's label, so that
    what the before column could not know is said as plainly as what the after column could not.
    """
    if inp.base is None and not inp.head_missing:
        return read_one(inp)
    label = inp.base_label or (str(inp.base.path) if inp.base else "the base")
    warnings: list[str] = []
    unknowns: list[str] = []
    head = ReadResult(resources=[]) if inp.head_missing else read_one(inp)
    if inp.head_missing:
        warnings.append(f"{inp.name} is not in the working tree: every resource it had at {label} is deleted")
    if inp.base is None or inp.base_missing:
        base = ReadResult(resources=[])
        warnings.append(f"{inp.name} does not exist at {label}: every resource is new")
    else:
        base = _read_base(inp.base, label)
    warnings += head.warnings + [f"{label}: {inp.base.show(w) if inp.base else w}" for w in base.warnings]
    unknowns += head.unknowns + [f"{label}: {inp.base.show(u) if inp.base else u}" for u in base.unknowns]
    resources = compare_states(running(base.resources), running(head.resources))
    return ReadResult(
        resources=resources,
        warnings=warnings,
        terraform_version=head.terraform_version or base.terraform_version,
        format_version=head.format_version or base.format_version,
        source=head.source or base.source,
        unknowns=unknowns,
    )
