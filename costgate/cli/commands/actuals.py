"""`costgate actuals {import,compare}`: what the cloud actually billed, imported from AWS Cost
Explorer into the ledger, and set beside the recorded estimate per team, project or service."""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from costgate.cli.estimate_args import load_config_arg
from costgate.cli.ledger_args import ledger_target
from costgate.cli.options import emit_format
from costgate.errors import SpendError
from costgate.report.base import ActualsReport
from costgate.report.registry import format_names

if TYPE_CHECKING:
    from costgate.config import LoadedConfig
    from costgate.ledger.store import ImportedCost

SOURCES = ("aws-cost-explorer",)
METRICS = ("UnblendedCost", "AmortizedCost", "NetUnblendedCost", "NetAmortizedCost", "BlendedCost")
"""The same as costgate.spend.cost_explorer.METRICS (a test holds them equal); repeated here so
that `--help` does not import the AWS module."""


def _month(text: str) -> date:
    try:
        return datetime.strptime(text, "%Y-%m").date()
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a month (YYYY-MM)") from None


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if not 1 <= value <= 36:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of months from 1 to 36")
    return value


def _ledger_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--ledger",
        metavar="URL",
        help="sqlite:///FILE, a file path, or postgresql://…; default: "
        "the config's `ledger:`, else .costgate/ledger.db",
    )
    p.add_argument("--config", type=Path, help="costgate.yml (its `ledger:`, ownership tag keys and team aliases)")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `actuals` and its sub-commands."""
    p = sub.add_parser("actuals", help="import actual spend (AWS Cost Explorer) and compare it with the estimate")
    asub = p.add_subparsers(dest="actuals_command", metavar="SUBCOMMAND", parser_class=type(p))

    i = asub.add_parser("import", help="read monthly spend per service and tag from AWS Cost Explorer into the ledger")
    i.add_argument(
        "--source", choices=SOURCES, default="aws-cost-explorer", help="billing API (default aws-cost-explorer)"
    )
    i.add_argument("--months", type=_positive, default=3, help="complete calendar months to import (default 3)")
    i.add_argument("--until", type=_month, metavar="YYYY-MM", help="last month to import (default: last month)")
    i.add_argument(
        "--tag-key",
        action="append",
        metavar="KEY",
        help="cost allocation tag that names the owner (repeatable, e.g. team and project); default: the "
        "first of the config's ownership.tag_keys, else `team`",
    )
    i.add_argument(
        "--metric",
        choices=METRICS,
        default="UnblendedCost",
        help="Cost Explorer metric (default UnblendedCost: what each month billed, at the rates paid)",
    )
    i.add_argument("--profile", help="AWS profile (default: boto3's chain: AWS_PROFILE, env keys, IAM role)")
    i.add_argument("--region", default="us-east-1", help="Cost Explorer endpoint region (default us-east-1)")
    _ledger_options(i)
    i.set_defaults(func=run_import)

    c = asub.add_parser(
        "compare", help="estimate (latest recorded run-rate) vs actual spend per team, project or service"
    )
    c.add_argument("--by", choices=["team", "project", "service"], default="team", help="grouping (default team)")
    c.add_argument("--month", type=_month, metavar="YYYY-MM", help="billed month (default: the latest imported)")
    c.add_argument(
        "--tag-key",
        metavar="KEY",
        help="the imported tag key naming teams (or projects with --by project); "
        "default: the config's ownership tag key that was imported, "
        "`project` for --by project",
    )
    c.add_argument(
        "--source", choices=SOURCES, default="aws-cost-explorer", help="billing API (default aws-cost-explorer)"
    )
    c.add_argument("--metric", choices=METRICS, help="metric (default: the imported one; UnblendedCost if several)")
    c.add_argument("--format", choices=format_names("actuals"), default="table", help="output format (default table)")
    c.add_argument("--out", type=Path, help="write to this file instead of stdout")
    _ledger_options(c)
    c.set_defaults(func=run_compare)

    def _help(_args: argparse.Namespace) -> int:
        p.print_help(sys.stderr)
        return 2

    p.set_defaults(func=_help)


def _default_tag_keys(loaded: LoadedConfig | None) -> list[str]:
    keys = loaded.config.ownership.tag_keys if loaded is not None else []
    return keys[:1] or ["team"]


def run_import(args: argparse.Namespace) -> int:
    """Fetch every month of the window and replace those months in the ledger; exit 2 on any failure
    (nothing is stored then)."""
    from costgate.ledger.store import Ledger
    from costgate.spend import cost_explorer

    loaded = load_config_arg(args)
    today = datetime.now(UTC).date()
    until = args.until or (today.replace(day=1) - timedelta(days=1)).replace(day=1)
    next_month = date(until.year + until.month // 12, until.month % 12 + 1, 1)
    if next_month > today.replace(day=1):
        raise SpendError(f"--until {until:%Y-%m} is not a complete month yet")
    start, end = cost_explorer.month_window(args.months, today=next_month)
    tag_keys = list(dict.fromkeys(args.tag_key or _default_tag_keys(loaded)))
    client = cost_explorer.client(profile=args.profile, region=args.region)
    costs = []
    for key in tag_keys:
        costs += cost_explorer.fetch_costs(client, start=start, end=end, metric=args.metric, tag_key=key)
    months = sorted({*_months(start, end), *(c.month for c in costs)})
    target = ledger_target(args, loaded, default=True)
    assert target is not None  # default=True always gives one
    ledger = Ledger.open(target)
    try:
        kept = ledger.replace_actuals(costs, source=args.source, metric=args.metric, months=months, tag_keys=tag_keys)
    finally:
        ledger.close()
    for key in tag_keys:
        values = {c.tag_value for c in costs if c.tag_key == key}
        if values == {""}:
            sys.stderr.write(
                f"costgate: warning: no spend carries the tag `{key}`: is it activated as a cost "
                "allocation tag in the Billing console?\n"
            )
    total = sum((c.amount for c in costs if c.tag_key == tag_keys[0]), start=Decimal(0))
    sys.stdout.write(
        f"costgate: imported {kept} amount(s) of {args.metric} for {months[0]}..{months[-1]} "
        f"(tag {', '.join(tag_keys)}) into {ledger.label}: ${total:,.2f} in all\n"
    )
    return 0


def _months(start: date, end: date) -> list[str]:
    out, year, month = [], start.year, start.month
    while date(year, month, 1) < end:
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def run_compare(args: argparse.Namespace) -> int:
    """Read the ledger's latest recorded runs and one imported month; print the comparison."""
    from costgate.ledger.store import Ledger
    from costgate.spend.compare import BillSlice, compare

    loaded = load_config_arg(args)
    target = ledger_target(args, loaded, default=True)
    assert target is not None
    ledger = Ledger.open(target)
    try:
        imported = ledger.actuals(source=args.source, metric=args.metric)
        lines, unsupported = ledger.latest_estimates()
        currencies = ledger.latest_currencies()
    finally:
        ledger.close()
    if not imported:
        metric = f" ({args.metric})" if args.metric else ""
        raise SpendError(
            f"no actual spend from {args.source}{metric} in the ledger: run `costgate actuals import` first",
            path=ledger.label,
        )
    metric = args.metric or _one_metric(imported)
    chosen = [i for i in imported if i.metric == metric]
    months = sorted({i.cost.month for i in chosen})
    month = args.month.strftime("%Y-%m") if args.month else months[-1]
    if month not in months:
        raise SpendError(f"no imported spend for {month} (imported: {', '.join(months)})", path=ledger.label)
    in_month = [i for i in chosen if i.cost.month == month]
    keys = sorted({i.cost.tag_key for i in in_month})
    tag_key = _tag_key(args, loaded, keys, month)
    costs = [i.cost for i in in_month if i.cost.tag_key == tag_key]
    aliases = {alias: team.name for team in loaded.config.teams for alias in team.aliases} if loaded is not None else {}
    bill = BillSlice(
        month, args.source, metric, tag_key or None, max(i.imported_at for i in in_month if i.cost.tag_key == tag_key)
    )
    billed = next((c.currency for c in costs), "USD")
    other = sorted(p for p, code in currencies.items() if code != billed)
    if other:
        raise SpendError(
            f"the latest runs of {', '.join(other[:5])}{' …' if len(other) > 5 else ''} were recorded in "
            f"{', '.join(sorted({currencies[p] for p in other}))} and the bill is in {billed}: record them "
            f"with --currency {billed} to compare (amounts in two currencies are never compared)",
            path=ledger.label,
        )
    comparison = compare(lines, unsupported, costs, by=args.by, bill=bill, team_aliases=aliases)
    emit_format("actuals", args.format, ActualsReport(comparison), args.out)
    return 0


def _one_metric(imported: list[ImportedCost]) -> str:
    metrics = sorted({i.metric for i in imported})
    return "UnblendedCost" if "UnblendedCost" in metrics or len(metrics) != 1 else metrics[0]


def _tag_key(args: argparse.Namespace, loaded: LoadedConfig | None, keys: list[str], month: str) -> str:
    """The imported tag key to allocate by: --tag-key, else (by team) the config's ownership tag
    keys in order, (by project) `project`; by service any one key (the totals are the same)."""
    if args.by == "service":
        return str(args.tag_key) if args.tag_key in keys else keys[0]
    if args.tag_key:
        wanted = [str(args.tag_key)]
    elif args.by == "team":
        wanted = loaded.config.ownership.tag_keys if loaded is not None else ["team"]
    else:
        wanted = ["project"]
    found = next((k for k in wanted if k in keys), None)
    if found is None:
        shown = ", ".join(k or "(none)" for k in keys)
        raise SpendError(
            f"no spend for {month} imported by tag {' or '.join(wanted)} (imported by: {shown}); run "
            f"`costgate actuals import --tag-key {wanted[0]}`"
        )
    return found
