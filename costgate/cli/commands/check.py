"""`costgate check`: price the plans, run the gate, print findings and the verdict.

Exit 0 when the gate passes or warns, 1 when it blocks, 2 for bad input (plan, config,
policy). Plans come from --plan, or from the config's `projects[].plan` when --plan is absent.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from costgate.cli.estimate_args import config_project_names, estimate_from_args
from costgate.cli.options import add_estimate_options, add_format_option, emit
from costgate.config import load_config
from costgate.errors import ConfigError
from costgate.gate.engine import evaluate
from costgate.gate.formats import check_format_names, get_check_format
from costgate.gate.model import Verdict
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
    add_estimate_options(p)
    p.add_argument("--today", type=date.fromisoformat, help=argparse.SUPPRESS)
    add_format_option(p, check_format_names())
    p.set_defaults(func=run)


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
    else:
        names = config_project_names(loaded, plans)
    if not plans:
        raise ConfigError("no plan to check: give --plan, or projects[].plan in the config", path=str(config_path or "costgate"))
    store = CatalogStore.open(args.catalog_dir) if args.catalog_dir else CatalogStore.open()
    estimate = estimate_from_args(args, plans=plans, names=names, store=store, loaded=loaded)
    result = evaluate(estimate, loaded, book=PriceBook(store), today=args.today)
    report = Report(estimate, diff=True, color=sys.stdout.isatty() and args.out is None, gate=result)
    emit(get_check_format(args.format).render(report), args.out)
    if args.out is not None or args.format != "table":
        sys.stderr.write(f"costgate: verdict {result.verdict.value}\n")
    return 1 if result.verdict is Verdict.BLOCK else 0
