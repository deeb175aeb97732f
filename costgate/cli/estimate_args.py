"""Turning shared CLI options into an Estimate, and an Estimate into the chosen format."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from costgate.estimate import Estimate, UsageLookup
from costgate.pipeline import estimate_fetching, estimate_plans, project_name
from costgate.pricing.age import max_age_days, warn_if_stale
from costgate.pricing.fetch_mode import fetch_mode
from costgate.pricing.store import CatalogStore
from costgate.report.formats import Report, get_format

if TYPE_CHECKING:  # the config (pydantic) is imported only by the commands that read one
    from costgate.config import LoadedConfig
    from costgate.pricing.fetch import ScopeFetch


def estimate_from_args(
    args: argparse.Namespace,
    *,
    plans: Sequence[Path] | None = None,
    names: Sequence[str] | None = None,
    store: CatalogStore | None = None,
    loaded: LoadedConfig | None = None,
) -> Estimate:
    """Read --plan/--usage-file/--usage-profile/--free-tier/--as-of/--catalog-dir and price them.

    The one way every command (breakdown, diff, check, comment) turns its options into an
    Estimate, so an option one command takes means the same there as in the others. `plans`,
    `names` and `store` override what the options say (check takes plans from its config);
    `loaded` supplies costgate.yml's `catalog:` settings (--fetch-prices and its timeout).
    """
    store = store or CatalogStore.open(getattr(args, "catalog_dir", None))
    usage: UsageLookup | None = None
    usage_only = None
    if getattr(args, "usage_file", None):  # YAML is imported only when a usage file is given
        from costgate.iac.usage_file import load_usage_file

        usage_file = load_usage_file(args.usage_file)
        usage, usage_only = usage_file.for_resource, usage_file.usage_only()
    if getattr(args, "usage_profile", None):
        from costgate.iac.usage_profiles import with_profile

        usage = with_profile(args.usage_profile, usage)
    section = getattr(getattr(loaded, "config", None), "catalog", None)
    mode = fetch_mode(getattr(args, "fetch_prices", None), getattr(section, "fetch_prices", None))
    common = dict(store=store, usage=usage, names=names, free_tier=bool(getattr(args, "free_tier", False)),
                  as_of=getattr(args, "as_of", None), usage_only=usage_only)
    chosen = plans if plans is not None else args.plan
    if mode == "never":
        estimate = estimate_plans(chosen, **common)  # type: ignore[arg-type]
    else:
        from costgate.pricing.fetch import resolve_settings

        settings = resolve_settings(
            mode=mode, timeout=getattr(args, "fetch_timeout", None), aws_base_url=getattr(args, "aws_base_url", None),
            azure_base_url=getattr(args, "azure_base_url", None), gcp_base_url=getattr(args, "gcp_base_url", None),
            config_timeout=getattr(section, "fetch_timeout", None),
        )
        estimate = estimate_fetching(chosen, settings=settings, on_fetch=_say_fetched,
                                     max_age_days=max_age_days(getattr(args, "max_catalog_age_days", None)),
                                     **common)  # type: ignore[arg-type]
    # after the inputs were read, so a bad input's error stays the only line on stderr
    warn_if_stale(store.manifest, flag=getattr(args, "max_catalog_age_days", None))
    return estimate


def _say_fetched(outcome: ScopeFetch) -> None:
    """One stderr line per fetched scope, so a CI log shows what went to the network and why it failed."""
    label = f"{outcome.provider} {outcome.service} {outcome.region}"
    if outcome.status == "fetched":
        sys.stderr.write(f"costgate: fetched {outcome.rows} prices for {label} from {outcome.url}\n")
    else:
        sys.stderr.write(f"costgate: warning: could not fetch prices for {label}: {outcome.reason}; "
                         "its components stay unpriced\n")


def config_project_names(loaded: LoadedConfig | None, plans: Sequence[Path]) -> list[str] | None:
    """The config's project name for each plan it lists (else the usual name from the plan's folder)."""
    if loaded is None or not loaded.config.projects:
        return None
    names = []
    for plan in plans:
        target = plan.resolve()
        match = next((p.name for p in loaded.config.projects if p.plan and loaded.resolve(p.plan).resolve() == target), None)
        names.append(match or project_name(plan))
    return names


def render_estimate(estimate: Estimate, fmt: str, *, diff: bool) -> str:
    """Render with the named format (colour only for a terminal)."""
    return get_format(fmt).render(Report(estimate, diff=diff, color=sys.stdout.isatty()))
