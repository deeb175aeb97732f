"""Turning shared CLI options into an Estimate (rendering it is report/'s: cli/options.emit_format)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from costgate.cli.config_path import resolve_config
from costgate.cli.projects import changed_only, check_options, git_base, project_inputs
from costgate.estimate import Estimate, UsageLookup
from costgate.iac.discover import ModuleGraph
from costgate.model import Resource
from costgate.money import set_display_currency
from costgate.pipeline import (
    Reader,
    Rewrite,
    estimate_fetching,
    estimate_inputs,
    memo_reader,
)
from costgate.pricing.age import max_age_days, warn_if_stale
from costgate.pricing.fetch_mode import fetch_mode
from costgate.pricing.store import CatalogStore
from costgate.project_input import ProjectInput
from costgate.report.console import info

if TYPE_CHECKING:  # the config (pydantic) is imported only by the commands that read one
    from costgate.config import LoadedConfig
    from costgate.currency import ExchangeRate
    from costgate.gate.unit_costs import UnitCost
    from costgate.pricing.fetch import ScopeFetch


def estimate_from_args(
    args: argparse.Namespace,
    *,
    loaded: LoadedConfig | None = None,
    store: CatalogStore | None = None,
) -> Estimate:
    """Read the inputs (--plan, --path, --base-plan, --compare-to, the config's projects) and the
    estimate options (--usage-file, --usage-profile, --free-tier, --as-of, --catalog-dir,
    --fetch-prices) and price them.

    The one way every command (breakdown, diff, check, comment) turns its options into an
    Estimate, so an option one command takes means the same there as in the others. `loaded`
    is the config the command read: its `projects:` name and shape the inputs, and its
    `catalog:` settings give --fetch-prices and its timeout.
    """
    return estimates_from_args(args, [None], loaded=loaded, store=store)[0]


def estimates_from_args(
    args: argparse.Namespace,
    variants: Sequence[Rewrite | None],
    *,
    loaded: LoadedConfig | None = None,
    store: CatalogStore | None = None,
) -> list[Estimate]:
    """`estimate_from_args` once per variant: the same inputs read once, each variant's rewrite
    applied to every resource before it is priced (None: as read). `whatif` prices one plan in
    several regions this way, through the very path `breakdown` takes."""
    check_options(args)
    store = store or CatalogStore.open(getattr(args, "catalog_dir", None))
    usage: UsageLookup | None = None
    usage_only = None
    usage_file = None
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
                info(f"note: no project changed since {base.ref} (--changed-only); nothing to price")
        reader = memo_reader() if len(variants) > 1 else None
        exchange = exchange_from_args(args, loaded)
        estimates = [
            _estimate(
                args,
                loaded,
                inputs,
                store=store,
                usage=usage,
                usage_profile=profile,
                usage_only=usage_only,
                rewrite=rewrite,
                reader=reader,
                exchange=exchange,
            )
            for rewrite in variants
        ]
    if usage_file is not None and estimates:
        from costgate.iac.usage_file import report_problems

        addresses = [r.address for p in estimates[0].projects for r in p.resources]
        report_problems([*usage_file.problems, *usage_file.unmatched(addresses)], strict=getattr(args, "strict", False))
    # after the inputs were read, so a bad input's error stays the only line on stderr
    warn_if_stale(store.manifest, flag=getattr(args, "max_catalog_age_days", None))
    set_display_currency(exchange.code if exchange is not None else "USD")
    return estimates


def _estimate(
    args: argparse.Namespace,
    loaded: LoadedConfig | None,
    inputs: list[ProjectInput],
    *,
    store: CatalogStore,
    usage: UsageLookup | None,
    usage_profile: str | None,
    usage_only: tuple[Sequence[Resource], Sequence[str], str] | None,
    rewrite: Rewrite | None = None,
    reader: Reader | None = None,
    exchange: ExchangeRate | None = None,
) -> Estimate:
    """Price the inputs, fetching missing price scopes first when --fetch-prices asks for it."""
    section = getattr(getattr(loaded, "config", None), "catalog", None)
    mode = fetch_mode(getattr(args, "fetch_prices", None), getattr(section, "fetch_prices", None))
    free_tier = bool(getattr(args, "free_tier", False))
    as_of = getattr(args, "as_of", None)
    if mode == "never":
        return estimate_inputs(
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
    from costgate.pricing.fetch import resolve_settings

    settings = resolve_settings(
        mode=mode,
        timeout=getattr(args, "fetch_timeout", None),
        aws_base_url=getattr(args, "aws_base_url", None),
        azure_base_url=getattr(args, "azure_base_url", None),
        gcp_base_url=getattr(args, "gcp_base_url", None),
        config_timeout=getattr(section, "fetch_timeout", None),
    )
    return estimate_fetching(
        inputs,
        settings=settings,
        on_fetch=_say_fetched,
        max_age_days=max_age_days(getattr(args, "max_catalog_age_days", None)),
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


def exchange_from_args(args: argparse.Namespace, loaded: LoadedConfig | None) -> ExchangeRate | None:
    """The rate of --currency, else of costgate.yml `currency:`, on the estimate's day (--as-of,
    else today); None for neither (amounts stay the catalog's USD). Raises UsageError naming the
    option or the config file for a code the ECB does not publish."""
    code = getattr(args, "currency", None)
    where = "--currency"
    if not code and loaded is not None and loaded.config.currency:
        code, where = loaded.config.currency, f"{loaded.path}: currency"
    if not code:
        return None
    from costgate.currency import rate_for

    return rate_for(code, getattr(args, "as_of", None), where=where)


def _say_fetched(outcome: ScopeFetch) -> None:
    """One stderr line per fetched scope, so a CI log shows what went to the network and why it failed."""
    label = f"{outcome.provider} {outcome.service} {outcome.region}"
    if outcome.status == "fetched":
        info(f"fetched {outcome.rows} prices for {label} from {outcome.url}")
    else:
        sys.stderr.write(
            f"costgate: warning: could not fetch prices for {label}: {outcome.reason}; its components stay unpriced\n"
        )


def load_config_arg(args: argparse.Namespace) -> LoadedConfig | None:
    """The config this run reads (--config, $COSTGATE_CONFIG or the nearest costgate.yml; see
    cli/config_path), loaded and validated; None when there is none."""
    path = resolve_config(getattr(args, "config", None))
    if path is None:
        return None
    from costgate.gate.references import load_checked_config

    loaded: LoadedConfig = load_checked_config(path)
    return loaded


def unit_costs_of(estimate: Estimate, loaded: LoadedConfig | None) -> tuple[UnitCost, ...]:
    """The cost per unit of the config's `unit_metrics` (none without a config or metrics)."""
    if loaded is None or not loaded.config.unit_metrics:
        return ()
    from costgate.gate.unit_costs import compute_unit_costs

    return compute_unit_costs(estimate, loaded.config.unit_metrics)
