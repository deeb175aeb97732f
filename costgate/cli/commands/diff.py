"""`costgate diff`: the cost change a plan makes, resource by resource, prior -> planned."""

from __future__ import annotations

import argparse

from costgate.cli.estimate_args import (
    estimate_from_args,
    load_config_arg,
    unit_costs_of,
)
from costgate.cli.options import (
    add_format_option,
    add_input_options,
    emit_format,
    terminal_style,
)
from costgate.report.base import Report


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the sub-command."""
    p = sub.add_parser("diff", help="cost change of the plan: prior state -> planned state")
    add_input_options(p)
    add_format_option(p, "diff")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Price the plans and print the diff."""
    loaded = load_config_arg(args)
    estimate = estimate_from_args(args, loaded=loaded)
    color, width = terminal_style(args.out)
    emit_format(
        "diff",
        args.format,
        Report(estimate, diff=True, color=color, width=width, unit_costs=unit_costs_of(estimate, loaded)),
        args.out,
    )
    return 0
