"""`costgate check`: price the plans, run the gate, print findings and the verdict.

Exit 0 when the gate passes or warns, 1 when it blocks, 2 for bad input (plan, config,
policy). Plans come from --plan, or from the config's `projects[].plan` when --plan is absent.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from costgate.cli.options import add_format_option, emit
from costgate.config import LoadedConfig, load_config
from costgate.errors import ConfigError
from costgate.gate.engine import evaluate
from costgate.gate.formats import check_format_names, get_check_format
from costgate.gate.model import Verdict
from costgate.iac.usage_file import load_usage_file
from costgate.pipeline import estimate_plans, project_name
from costgate.pricing.lookup import PriceBook
from costgate.pricing.store import CatalogStore
from costgate.report.formats import Report

DEFAULT_CONFIG = Path("costgate.yml")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the sub-command."""
    p = sub.add_parser("check", help="run the cost gate: findings, budgets and a pass/warn/block verdict")
    p.add_argument("--plan", action="append", type=Path, metavar="PLAN_JSON",
                   help="`terraform show -json` output (repeat for several projects; default: the config's projects)")
    p.add_argument("--config", type=Path, help="costgate.yml (default: ./costgate.yml when present)")
    p.add_argument("--usage-file", type=Path, help="usage file (format v0.1) for usage-based costs")
    p.add_argument("--catalog-dir", type=Path, help="use this pricing_data/ folder instead of the shipped one")
    p.add_argument("--today", type=date.fromisoformat, help=argparse.SUPPRESS)
    add_format_option(p, check_format_names())
    p.set_defaults(func=run)


def _project_name(loaded: LoadedConfig, plan: Path) -> str:
    """The config project whose plan is `plan`, else the usual name from the plan's folder."""
    target = plan.resolve()
    for p in loaded.config.projects:
        if p.plan and loaded.resolve(p.plan).resolve() == target:
            return p.name
    return project_name(plan)


def run(args: argparse.Namespace) -> int:
    """Run the gate; the exit code is the verdict (0 pass/warn, 1 block)."""
    config_path = args.config or (DEFAULT_CONFIG if DEFAULT_CONFIG.is_file() else None)
    loaded = load_config(config_path) if config_path is not None else None
    plans: list[Path] = list(args.plan or [])
    names: list[str] | None = None
    if not plans and loaded is not None:
        projects = [p for p in loaded.config.projects if p.plan]
        plans = [loaded.resolve(p.plan) for p in projects if p.plan]
        names = [p.name for p in projects]
    elif loaded is not None and loaded.config.projects:
        names = [_project_name(loaded, plan) for plan in plans]
    if not plans:
        raise ConfigError("no plan to check: give --plan, or projects[].plan in the config", path=str(config_path or "costgate"))
    store = CatalogStore.open(args.catalog_dir) if args.catalog_dir else CatalogStore.open()
    usage = load_usage_file(args.usage_file) if args.usage_file else None
    estimate = estimate_plans(plans, store=store, usage=usage.for_resource if usage else None,
                              usage_only=usage.usage_only() if usage else None, names=names)
    result = evaluate(estimate, loaded, book=PriceBook(store), today=args.today)
    report = Report(estimate, diff=True, color=sys.stdout.isatty() and args.out is None, gate=result)
    emit(get_check_format(args.format).render(report), args.out)
    if args.out is not None or args.format != "table":
        sys.stderr.write(f"costgate: verdict {result.verdict.value}\n")
    return 1 if result.verdict is Verdict.BLOCK else 0
