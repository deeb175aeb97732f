"""Turning shared CLI options into an Estimate, and an Estimate into the chosen format."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from costgate.cli.projects import changed_only, check_options, git_base, project_inputs
from costgate.estimate import Estimate, UsageLookup
from costgate.iac.discover import ModuleGraph
from costgate.pipeline import estimate_inputs
from costgate.pricing.age import warn_if_stale
from costgate.pricing.store import CatalogStore
from costgate.report.formats import Report, get_format

if TYPE_CHECKING:  # the config (pydantic) is imported only by the commands that read one
    from costgate.config import LoadedConfig


def estimate_from_args(
    args: argparse.Namespace,
    *,
    loaded: LoadedConfig | None = None,
    store: CatalogStore | None = None,
) -> Estimate:
    """Read the inputs (--plan, --path, --base-plan, --compare-to, the config's projects) and the
    estimate options (--usage-file, --usage-profile, --free-tier, --as-of, --catalog-dir) and price them.

    The one way every command (breakdown, diff, check, comment) turns its options into an
    Estimate, so an option one command takes means the same there as in the others. `loaded`
    is the config the command read (its projects name and shape the inputs).
    """
    check_options(args)
    store = store or CatalogStore.open(getattr(args, "catalog_dir", None))
    usage: UsageLookup | None = None
    usage_only = None
    if getattr(args, "usage_file", None):  # YAML is imported only when a usage file is given
        from costgate.iac.usage_file import load_usage_file

        usage_file = load_usage_file(args.usage_file)
        usage, usage_only = usage_file.for_resource, usage_file.usage_only()
    profile = getattr(args, "usage_profile", None)
    if profile:
        from costgate.iac.usage_profiles import with_profile

        usage = with_profile(profile, usage)
    graph = ModuleGraph()
    with git_base(args, loaded) as base:  # the base ref's files live only as long as this block
        inputs = project_inputs(args, loaded, base=base, graph=graph)
        if base is not None and getattr(args, "changed_only", False):
            inputs = changed_only(inputs, base, graph)
            if not inputs:
                sys.stderr.write(f"costgate: note: no project changed since {base.ref} (--changed-only); nothing to price\n")
        estimate = estimate_inputs(inputs, store=store, usage=usage, usage_profile=profile,
                                   free_tier=bool(getattr(args, "free_tier", False)), as_of=getattr(args, "as_of", None),
                                   usage_only=usage_only)
    # after the inputs were read, so a bad input's error stays the only line on stderr
    warn_if_stale(store.manifest, flag=getattr(args, "max_catalog_age_days", None))
    return estimate


def load_config_arg(args: argparse.Namespace) -> LoadedConfig | None:
    """The --config file, loaded and validated (None without --config)."""
    if getattr(args, "config", None) is None:
        return None
    from costgate.config import load_config

    loaded: LoadedConfig = load_config(args.config)
    return loaded


def render_estimate(estimate: Estimate, fmt: str, *, diff: bool) -> str:
    """Render with the named format (colour only for a terminal)."""
    return get_format(fmt).render(Report(estimate, diff=diff, color=sys.stdout.isatty()))
