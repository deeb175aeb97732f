"""Turning shared CLI options into an Estimate, and an Estimate into the chosen format."""

from __future__ import annotations

import argparse
import sys

from costgate.estimate import Estimate
from costgate.iac.usage_file import load_usage_file
from costgate.iac.usage_profiles import with_profile
from costgate.pipeline import estimate_plans
from costgate.pricing.store import CatalogStore
from costgate.report.formats import Report, get_format


def estimate_from_args(args: argparse.Namespace) -> Estimate:
    """Read --plan/--usage-file/--catalog-dir and price them."""
    store = CatalogStore.open(args.catalog_dir) if getattr(args, "catalog_dir", None) else None
    usage_file = load_usage_file(args.usage_file) if getattr(args, "usage_file", None) else None
    usage = usage_file.for_resource if usage_file else None
    if getattr(args, "usage_profile", None):
        usage = with_profile(args.usage_profile, usage)
    return estimate_plans(args.plan, store=store, usage=usage, free_tier=bool(getattr(args, "free_tier", False)),
                          as_of=getattr(args, "as_of", None))


def render_estimate(estimate: Estimate, fmt: str, *, diff: bool) -> str:
    """Render with the named format (colour only for a terminal)."""
    return get_format(fmt).render(Report(estimate, diff=diff, color=sys.stdout.isatty()))
