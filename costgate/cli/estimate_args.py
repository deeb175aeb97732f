"""Turning shared CLI options into an Estimate, and an Estimate into the chosen format."""

from __future__ import annotations

import argparse
import sys

from costgate.estimate import Estimate, UsageLookup
from costgate.pipeline import estimate_plans
from costgate.pricing.age import warn_if_stale
from costgate.pricing.store import CatalogStore
from costgate.report.formats import Report, get_format


def estimate_from_args(args: argparse.Namespace) -> Estimate:
    """Read --plan/--usage-file/--catalog-dir and price them."""
    store = CatalogStore.open(getattr(args, "catalog_dir", None))
    usage: UsageLookup | None = None
    usage_only = None
    if getattr(args, "usage_file", None):  # YAML is imported only when a usage file is given
        from costgate.iac.usage_file import load_usage_file

        usage_file = load_usage_file(args.usage_file)
        usage, usage_only = usage_file.for_resource, usage_file.usage_only()
    if getattr(args, "usage_profile", None):
        from costgate.iac.usage_profiles import with_profile

        usage = with_profile(args.usage_profile, usage)
    estimate = estimate_plans(args.plan, store=store, usage=usage, free_tier=bool(getattr(args, "free_tier", False)),
                              as_of=getattr(args, "as_of", None), usage_only=usage_only)
    # after the inputs were read, so a bad input's error stays the only line on stderr
    warn_if_stale(store.manifest, flag=getattr(args, "max_catalog_age_days", None))
    return estimate


def render_estimate(estimate: Estimate, fmt: str, *, diff: bool) -> str:
    """Render with the named format (colour only for a terminal)."""
    return get_format(fmt).render(Report(estimate, diff=diff, color=sys.stdout.isatty()))
