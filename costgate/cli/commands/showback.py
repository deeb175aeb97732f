"""`costgate showback`: the monthly cost per owner (team, project, service, region or a tag's
value), unallocated cost as its own row, shared costs split by the config's rule."""

from __future__ import annotations

import argparse
from datetime import date

from costgate.cli.estimate_args import estimate_from_args, load_config_arg
from costgate.cli.options import (
    add_format_option,
    add_input_options,
    emit_format,
    terminal_style,
)
from costgate.errors import CostgateError
from costgate.report.base import ShowbackReport


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the sub-command."""
    p = sub.add_parser("showback", help="monthly cost per owning team, project, service, region or tag value")
    add_input_options(p, config_help="costgate.yml: ownership, shared-cost pools (showback.shared) and projects")
    p.add_argument(
        "--by",
        type=_dimension,
        default="team",
        metavar="team|project|service|region|tag:KEY",
        help="what to group cost by (default team, from the config's ownership)",
    )
    add_format_option(p, "showback")
    p.set_defaults(func=run)


def _dimension(text: str) -> str:
    from costgate.gate.showback import parse_dimension

    try:
        return parse_dimension(text)
    except CostgateError as exc:
        raise argparse.ArgumentTypeError(str(exc).removeprefix("--by takes ")) from exc


def run(args: argparse.Namespace) -> int:
    """Price the inputs, resolve owners, split shared pools, print the rows."""
    from costgate.config.model import Config
    from costgate.gate.ownership import OwnershipResolver
    from costgate.gate.showback import compute

    loaded = load_config_arg(args)
    estimate = estimate_from_args(args, loaded=loaded)
    owners = OwnershipResolver.of(loaded).resolve_all(estimate)
    sb = compute(estimate, loaded.config if loaded is not None else Config(), owners, args.by)
    color, width = terminal_style(args.out)
    report = ShowbackReport(sb, estimate, args.as_of or date.today(), color=color, width=width)
    if args.format == "focus":
        from costgate.cli.focus_out import emit_focus

        emit_focus("showback", report, args.out)
        return 0
    emit_format("showback", args.format, report, args.out)
    return 0
