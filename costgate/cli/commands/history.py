"""`costgate history`: a project's or team's monthly run-rate over time, from the ledger, with
the changes (pull request, commit, delta) that moved it."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from costgate.cli.estimate_args import load_config_arg
from costgate.cli.ledger_args import ledger_target
from costgate.cli.options import emit_format, terminal_style
from costgate.ledger.history import CHANGES_KEPT
from costgate.report.base import HistoryReport
from costgate.report.registry import format_names


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the sub-command."""
    p = sub.add_parser("history", help="monthly run-rate per project or team from the cost ledger")
    p.add_argument(
        "--ledger",
        metavar="URL",
        help="sqlite:///FILE, a file path, or postgresql://…; default: "
        "the config's `ledger:`, else .costgate/ledger.db",
    )
    p.add_argument("--config", type=Path, help="costgate.yml (for its `ledger:`)")
    p.add_argument("--project", help="only this project")
    p.add_argument("--team", help="only projects of this team (the team of each recorded run)")
    p.add_argument(
        "--since", type=date.fromisoformat, metavar="YYYY-MM-DD", help="only runs recorded from this day (UTC)"
    )
    p.add_argument(
        "--by",
        choices=["project", "team"],
        default=None,
        help="one series per project or per team (default: team with --team, else project)",
    )
    p.add_argument("--currency", type=_currency, metavar="CODE", help="only the series in this currency (e.g. EUR)")
    p.add_argument(
        "--changes",
        type=_changes,
        metavar="N|all",
        help=f"the N largest changes listed per series and month (default {LISTED_CHANGES}; "
        f"more than {CHANGES_KEPT}, or all, reads every recorded run)",
    )
    p.add_argument("--format", choices=format_names("history"), default="table", help="output format (default table)")
    p.add_argument("--out", type=Path, help="write to this file instead of stdout")
    p.set_defaults(func=run)


def _currency(text: str) -> str:
    if len(text) != 3 or not text.isalpha():
        raise argparse.ArgumentTypeError(f"{text!r}: give a three-letter currency code (USD, EUR, ...)")
    return text.upper()


LISTED_CHANGES = 3
"""Changes listed per series and month by default (the largest ones), in every format: the
summary keeps CHANGES_KEPT, and the whole ledger's JSON stays a few thousand lines."""


def _changes(text: str) -> int | str:
    if text == "all":
        return text
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"{text!r}: give a number of changes (1 or more) or `all`")
    return int(text)


def run(args: argparse.Namespace) -> int:
    """Read the ledger's summary of recorded (main-branch) runs and print the series: a few
    thousand rows however many runs the ledger holds (Ledger.summary_rows). Listing more changes
    per month than the summary keeps reads every recorded run instead."""
    from costgate.ledger.history import Selection, build_series, monthly_series
    from costgate.ledger.store import Ledger

    target = ledger_target(args, load_config_arg(args), default=True)
    assert target is not None  # default=True always gives one
    selection = Selection(
        args.by or ("team" if args.team else "project"), args.project, args.team, args.since, args.currency
    )
    if args.changes is None:  # not given
        limit: int | None = LISTED_CHANGES
    else:
        limit = None if args.changes == "all" else int(args.changes)
    ledger = Ledger.open(target)
    try:
        if limit is not None and limit <= CHANGES_KEPT:
            months, changes, last = ledger.summary_rows(selection, limit=limit)
            series = build_series(months, changes, selection, limit=limit, last_month=last)
        else:
            series = monthly_series(ledger.history(), selection, limit=limit)
    finally:
        ledger.close()
    color, width = terminal_style(args.out)
    emit_format("history", args.format, HistoryReport(series, selection.by, color=color, width=width), args.out)
    return 0
