"""`costgate breakdown`: the monthly cost of what the plan leaves running."""

from __future__ import annotations

import argparse
import sys
from datetime import date

from costgate.cli.estimate_args import (
    estimate_from_args,
    load_config_arg,
    render_estimate,
)
from costgate.cli.options import add_format_option, add_input_options, emit
from costgate.report.formats import estimate_format_names

FOCUS = "focus"
"""The FOCUS forecast dataset (report/focus.py): CSV, or Parquet when --out ends in .parquet."""


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the sub-command."""
    p = sub.add_parser("breakdown", help="monthly cost of what the plan leaves running")
    add_input_options(p)
    add_format_option(p, [*estimate_format_names(), FOCUS])
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Price the plans and print the breakdown."""
    loaded = load_config_arg(args)
    estimate = estimate_from_args(args, loaded=loaded)
    if args.format == FOCUS:
        from costgate.report.focus import charges_of, focus_rows
        from costgate.report.showback_formats import write_focus

        rows = focus_rows(estimate, charges_of(estimate), day=args.as_of or date.today())
        text = write_focus(rows, args.out, _warn)
        if text is not None:
            emit(text, args.out)
        return 0
    emit(render_estimate(estimate, args.format, diff=False, loaded=loaded), args.out)
    return 0


def _warn(line: str) -> None:
    sys.stderr.write(f"costgate: warning: {line}\n")
