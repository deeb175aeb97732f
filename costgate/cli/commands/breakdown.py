"""`costgate breakdown`: the monthly cost of what the plan leaves running."""

from __future__ import annotations

import argparse

from costgate.cli.estimate_args import estimate_from_args, load_config_arg
from costgate.cli.options import (
    add_format_option,
    add_input_options,
    emit_format,
    terminal_style,
)
from costgate.report.base import Report


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the sub-command."""
    p = sub.add_parser("breakdown", help="monthly cost of what the plan leaves running")
    add_input_options(p)
    add_format_option(p, "breakdown")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Price the plans and print the breakdown."""
    estimate = estimate_from_args(args, loaded=load_config_arg(args))
    color, width = terminal_style(args.out)
    emit_format("breakdown", args.format, Report(estimate, diff=False, color=color, width=width), args.out)
    return 0
