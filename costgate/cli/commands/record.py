"""`costgate record`: price the plans (like breakdown) and keep the result in the ledger, e.g.
after a merge to main, so `costgate history` can follow the run-rate month by month."""

from __future__ import annotations

import argparse
import sys

from costgate.cli.estimate_args import estimate_from_args, load_config_arg
from costgate.cli.ledger_args import add_ledger_options, ledger_target, record_run
from costgate.cli.options import add_input_options


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the sub-command."""
    p = sub.add_parser("record", help="price the plans and record the run in the cost ledger")
    add_input_options(p, config_help="costgate.yml: projects, ownership (teams) and the `ledger:` URL")
    add_ledger_options(p, recording="default: the config's `ledger:`, else .costgate/ledger.db")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Price, record, and say where; exit 2 when the ledger cannot be written."""
    loaded = load_config_arg(args)
    estimate = estimate_from_args(args, loaded=loaded)
    target = ledger_target(args, loaded, default=True)
    assert target is not None  # default=True always gives one
    run_id, label = record_run(args, loaded, estimate, source="record", verdict=None, target=target)
    t = estimate.totals
    sys.stdout.write(
        f"costgate: recorded run {run_id} in {label}: {len(estimate.projects)} project(s), "
        f"{estimate.counts.resources} resource(s), ${t.after:,.2f}/month ({t.delta:+,.2f})\n"
    )
    return 0
