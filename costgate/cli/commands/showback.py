"""`costgate showback`: the monthly cost per owner (team, project, service, region or a tag's
value), unallocated cost as its own row, shared costs split by the config's rule."""

from __future__ import annotations

import argparse
import sys
from datetime import date

from costgate.cli.estimate_args import estimate_from_args, load_config_arg
from costgate.cli.options import add_format_option, add_input_options, emit
from costgate.config.model import Config
from costgate.gate.ownership import OwnershipResolver
from costgate.gate.showback import compute, parse_dimension
from costgate.report.console import PIPE_WIDTH, table_width, use_color
from costgate.report.showback_formats import SHOWBACK_FORMATS, render_showback


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the sub-command."""
    p = sub.add_parser("showback", help="monthly cost per owning team, project, service, region or tag value")
    add_input_options(p, config_help="costgate.yml: ownership, shared-cost pools (showback.shared) and projects")
    p.add_argument("--by", type=_dimension, default="team", metavar="team|project|service|region|tag:KEY",
                   help="what to group cost by (default team, from the config's ownership)")
    add_format_option(p, list(SHOWBACK_FORMATS))
    p.set_defaults(func=run)


def _dimension(text: str) -> str:
    from costgate.errors import CostgateError

    try:
        return parse_dimension(text)
    except CostgateError as exc:
        raise argparse.ArgumentTypeError(str(exc).removeprefix("--by takes ")) from exc


def run(args: argparse.Namespace) -> int:
    """Price the inputs, resolve owners, split shared pools, print the rows."""
    loaded = load_config_arg(args)
    estimate = estimate_from_args(args, loaded=loaded)
    owners = OwnershipResolver.of(loaded).resolve_all(estimate)
    sb = compute(estimate, loaded.config if loaded is not None else Config(), owners, args.by)
    to_terminal = args.out is None
    output = render_showback(sb, estimate, args.format, day=args.as_of or date.today(), out=args.out,
                             color=to_terminal and use_color(), width=table_width() if to_terminal else PIPE_WIDTH,
                             warn=_warn)
    if output is not None:
        emit(output, args.out)
    return 0


def _warn(line: str) -> None:
    sys.stderr.write(f"costgate: warning: {line}\n")
