"""`costgate breakdown`: the monthly cost of what the plan leaves running."""

from __future__ import annotations

import argparse

from costgate.cli.estimate_args import estimate_from_args, load_config_arg, render_estimate
from costgate.cli.options import add_format_option, add_input_options, emit
from costgate.report.formats import estimate_format_names


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the sub-command."""
    p = sub.add_parser("breakdown", help="monthly cost of what the plan leaves running")
    add_input_options(p)
    add_format_option(p, estimate_format_names())
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Price the plans and print the breakdown."""
    estimate = estimate_from_args(args, loaded=load_config_arg(args))
    emit(render_estimate(estimate, args.format, diff=False), args.out)
    return 0
