"""`costgate report`: one self-contained HTML page about a change, for people who will not read a
terminal table: summary and verdict, cost by team, service and region as charts, the top
resources, the diff, findings with savings, unit costs and the trend from the ledger.

It runs the gate (with the config when there is one, else the built-in rules at their defaults)
so the page shows the verdict and findings, but it always exits 0: the gate's exit code is
`costgate check`'s job. docs/report.md describes the page.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from typing import TYPE_CHECKING

from costgate.cli.estimate_args import estimate_from_args, load_config_arg
from costgate.cli.ledger_args import history_if_configured, ledger_target
from costgate.cli.options import add_format_option, add_input_options, emit_format
from costgate.errors import LedgerError
from costgate.gate.engine import evaluate
from costgate.pricing.lookup import PriceBook
from costgate.pricing.store import CatalogStore
from costgate.report.base import Report
from costgate.report.console import info
from costgate.report.trend import Trend, TrendSeries

if TYPE_CHECKING:
    from costgate.config import LoadedConfig
    from costgate.estimate import Estimate


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the sub-command."""
    p = sub.add_parser("report", help="one self-contained HTML page: totals, verdict, charts, diff, findings, trend")
    add_input_options(
        p,
        config_help="costgate.yml: gate settings, ownership, unit metrics, ledger and projects "
        "(default: $COSTGATE_CONFIG, else the nearest costgate.yml)",
    )
    p.add_argument(
        "--ledger",
        metavar="URL",
        help="sqlite:///FILE, a file path, or postgresql://…: show the recorded trend of these projects "
        "(default: the config's `ledger:`; without either, no trend)",
    )
    p.add_argument("--today", type=date.fromisoformat, help=argparse.SUPPRESS)
    add_format_option(p, "report", default="html")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Price, run the gate, read the trend, write the page; always 0 (see the module docstring)."""
    loaded = load_config_arg(args)
    store = CatalogStore.open(args.catalog_dir) if args.catalog_dir else CatalogStore.open()
    estimate = estimate_from_args(args, loaded=loaded, store=store)
    # the same gate as `check`, anomaly history (CG908) included, so the page's verdict is check's
    gate = evaluate(
        estimate,
        loaded,
        book=PriceBook(store),
        today=args.today,
        history=history_if_configured(args, loaded, currency=estimate.currency),
    )
    trend = _trend(args, loaded, estimate)
    report = Report(estimate, diff=True, gate=gate, trend=trend)
    emit_format("report", args.format, report, args.out)
    if args.out is not None:
        info(f"wrote {args.out} (verdict {gate.verdict.value})")
    return 0


def _trend(args: argparse.Namespace, loaded: LoadedConfig | None, estimate: Estimate) -> Trend | None:
    """The ledger's series for this estimate's projects; None without a ledger. An unreachable
    ledger is one warning line and a page without the trend, unless the config sets
    `ledger_required: true` (then LedgerError, exit 2)."""
    target = ledger_target(args, loaded, default=False)
    if target is None:
        return None
    from costgate.ledger.history import Selection, build_series
    from costgate.ledger.store import Ledger

    selection = Selection(currency=estimate.currency)  # a trend never adds amounts of two currencies
    try:
        ledger = Ledger.open(target)
        try:
            months, _, last = ledger.summary_rows(selection, limit=0)
            label = ledger.label
        finally:
            ledger.close()
    except LedgerError as exc:
        if loaded is not None and loaded.config.ledger_required:
            raise
        sys.stderr.write(f"costgate: warning: no trend: {exc}\n")
        return None
    names = {p.name for p in estimate.projects}
    series = build_series([r for r in months if r.project in names], [], selection, limit=0, last_month=last)
    return Trend(
        source=label, series=tuple(TrendSeries(s.key, tuple((m.month, m.run_rate) for m in s.months)) for s in series)
    )
