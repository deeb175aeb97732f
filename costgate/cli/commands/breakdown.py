"""`costgate breakdown`: the monthly cost of what the plan leaves running."""

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
    p = sub.add_parser("breakdown", help="monthly cost of what the plan leaves running")
    add_input_options(p)
    add_format_option(p, "breakdown")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Price the plans and print the breakdown (`--format focus`: the FOCUS forecast dataset)."""
    loaded = load_config_arg(args)
    estimate = estimate_from_args(args, loaded=loaded)
    color, width = terminal_style(args.out)
    report = Report(
        estimate, diff=False, color=color, width=width, day=args.as_of, unit_costs=unit_costs_of(estimate, loaded)
    )
    if args.format == "focus":
        from costgate.cli.focus_out import emit_focus

        emit_focus("breakdown", report, args.out)
        return 0
    emit_format("breakdown", args.format, report, args.out)
    return 0
