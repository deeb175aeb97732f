"""`costgate anomalies`: scan the ledger's recorded main-branch history for step changes, the
changes that were out of line with the project's (or team's) changes before them, judged with
the thresholds of rule CG908 (costgate.yml: `policies.rules.CG908.params`)."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from costgate.cli.estimate_args import load_config_arg
from costgate.cli.ledger_args import ledger_target
from costgate.cli.options import emit_format
from costgate.errors import LedgerError
from costgate.money import set_display_currency
from costgate.report.base import AnomaliesReport
from costgate.report.registry import format_names

if TYPE_CHECKING:
    from costgate.ledger.record import HistoryEntry


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the sub-command."""
    p = sub.add_parser("anomalies", help="recorded cost changes out of line with the history before them")
    p.add_argument(
        "--ledger",
        metavar="URL",
        help="sqlite:///FILE, a file path, or postgresql://…; default: "
        "the config's `ledger:`, else .costgate/ledger.db",
    )
    p.add_argument("--config", type=Path, help="costgate.yml (its `ledger:` and the CG908 thresholds)")
    p.add_argument("--project", help="only this project")
    p.add_argument("--team", help="only this team (the team of each recorded run)")
    p.add_argument(
        "--by",
        choices=["project", "team"],
        default=None,
        help="judge each change against its project's or its team's history (default: team with --team, else project)",
    )
    p.add_argument(
        "--since",
        type=date.fromisoformat,
        metavar="YYYY-MM-DD",
        help="only report changes recorded from this day (UTC); earlier ones still count as history",
    )
    p.add_argument(
        "--direction",
        choices=["increase", "decrease", "both"],
        help="which changes to report (default: the CG908 `direction`, increase)",
    )
    p.add_argument(
        "--currency",
        type=_currency,
        metavar="CODE",
        help="judge the changes recorded in this currency (needed when the ledger holds several)",
    )
    p.add_argument("--format", choices=format_names("anomalies"), default="table", help="output format (default table)")
    p.add_argument("--out", type=Path, help="write to this file instead of stdout")
    p.set_defaults(func=run)


def _currency(text: str) -> str:
    if len(text) != 3 or not text.isalpha():
        raise argparse.ArgumentTypeError(f"{text!r}: give a three-letter currency code (USD, EUR, ...)")
    return text.upper()


def run(args: argparse.Namespace) -> int:
    """Read the main-branch history, judge every change against the ones before it, print the
    out-of-line ones. Exit 0 whether or not any is found (a report, not a gate)."""
    from costgate.config.model import Config
    from costgate.gate.anomaly import AnomalyParams, ScopeKind, scan
    from costgate.gate.registry import find_rule
    from costgate.gate.rules.anomalous_cost_change import RULE
    from costgate.ledger.anomalies import cost_history
    from costgate.ledger.store import Ledger

    loaded = load_config_arg(args)
    config = loaded.config if loaded is not None else Config()
    setting = next((s for key, s in config.policies.rules.items() if find_rule(key) is RULE), None)
    params: AnomalyParams = RULE.parse_params(setting.params if setting is not None else {})
    if args.direction:
        params = params.model_copy(update={"direction": args.direction})
    target = ledger_target(args, loaded, default=True)
    assert target is not None  # default=True always gives one
    start = None
    if args.since is not None:
        start = datetime(args.since.year, args.since.month, args.since.day, tzinfo=UTC)
    ledger = Ledger.open(target)
    try:
        read_from = start - timedelta(days=params.window_days) if start is not None else None
        entries = ledger.history(project=args.project, team=args.team, since=read_from)
        prior = ledger.latest_before(read_from) if read_from is not None else []
    finally:
        ledger.close()
    if args.project is not None or args.team is not None:
        prior = [e for e in prior if args.project in (None, e.project) and args.team in (None, e.team)]
    by: ScopeKind = args.by or ("team" if args.team else "project")
    currency = args.currency or _one_currency(entries, prior, ledger.label)
    set_display_currency(currency)
    steps = scan(cost_history(entries, prior=prior, currency=currency), params=params, by=by)
    if start is not None:
        steps = [s for s in steps if s.change.recorded_at >= start]
    emit_format("anomalies", args.format, AnomaliesReport(steps, by, params, currency), args.out)
    return 0


def _one_currency(entries: Sequence[HistoryEntry], prior: Sequence[HistoryEntry], label: str) -> str:
    """The one currency of the runs read; LedgerError when there are several, since a change in
    euros is not judged against changes in dollars."""
    found = sorted({e.currency for e in (*entries, *prior)})
    if len(found) > 1:
        raise LedgerError(
            f"the ledger holds runs in {', '.join(found)}; pass --currency to choose which to scan "
            "(changes in different currencies are never compared)",
            path=label,
        )
    return found[0] if found else "USD"
