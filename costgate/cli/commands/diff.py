"""`costgate diff`: the cost change a plan makes, resource by resource, prior -> planned."""

from __future__ import annotations

import argparse

from costgate.cli.estimate_args import (
    estimate_from_args,
    load_config_arg,
    render_estimate,
)
from costgate.cli.options import add_format_option, add_input_options, emit
from costgate.report.formats import estimate_format_names


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the sub-command."""
    p = sub.add_parser("diff", help="cost change of the plan: prior state -> planned state")
    add_input_options(p)
    add_format_option(p, estimate_format_names())
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Price the plans and print the diff."""
    loaded = load_config_arg(args)
    estimate = estimate_from_args(args, loaded=loaded)
    emit(render_estimate(estimate, args.format, diff=True, loaded=loaded), args.out)
    return 0
