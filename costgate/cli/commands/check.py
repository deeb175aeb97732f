"""`costgate check`: price the plans, run the gate, print findings and the verdict.

Exit 0 when the gate passes or warns, 1 when it blocks, 2 for bad input (plan, config,
policy). Projects come from --plan or --path, or from the config's `projects:` (a plan, or
else the folder in HCL mode) when neither is given.
"""

from __future__ import annotations

import argparse
from datetime import date

from costgate.cli.config_path import resolve_config
from costgate.cli.estimate_args import estimate_from_args
from costgate.cli.ledger_args import add_ledger_options, history_if_configured, record_if_configured
from costgate.cli.options import (
    add_format_option,
    add_input_options,
    emit_format,
    terminal_style,
)
from costgate.gate.engine import evaluate
from costgate.gate.model import Verdict
from costgate.gate.references import load_checked_config
from costgate.pricing.lookup import PriceBook
from costgate.pricing.store import CatalogStore
from costgate.report.base import Report
from costgate.report.console import info
from costgate.report.registry import prepare


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the sub-command."""
    p = sub.add_parser("check", help="run the cost gate: findings, budgets and a pass/warn/block verdict")
    add_input_options(
        p,
        config_help="costgate.yml: gate settings and projects (default: $COSTGATE_CONFIG, else the nearest costgate.yml up to the repository root)",
    )
    p.add_argument("--today", type=date.fromisoformat, help=argparse.SUPPRESS)
    add_ledger_options(p, recording="record this run there (default: the config's `ledger:`; none: not recorded)")
    add_format_option(p, "check")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Run the gate; the exit code is the verdict (0 pass/warn, 1 block)."""
    config_path = resolve_config(args.config)
    loaded = load_checked_config(config_path, compile_now=False) if config_path is not None else None
    store = CatalogStore.open(args.catalog_dir) if args.catalog_dir else CatalogStore.open()
    estimate = estimate_from_args(args, loaded=loaded, store=store)
    color, width = terminal_style(args.out)
    result = evaluate(
        estimate,
        loaded,
        book=PriceBook(store),
        today=args.today,
        history=history_if_configured(args, loaded, currency=estimate.currency),
        meanwhile=lambda found: prepare(
            "check",
            args.format,
            Report(estimate, diff=True, color=color, width=width, early_findings=tuple(found)),
        ),
    )
    record_if_configured(args, loaded, estimate, source="check", verdict=result.verdict.value)
    emit_format("check", args.format, Report(estimate, gate=result, diff=True, color=color, width=width), args.out)
    if args.out is not None or args.format != "table":
        info(f"verdict {result.verdict.value}")
    return 1 if result.verdict is Verdict.BLOCK else 0
