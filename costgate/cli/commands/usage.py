"""`costgate usage init`: a usage file with every usage key of the plan's resources."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `usage` and its sub-commands."""
    p = sub.add_parser("usage", help="work with usage files")
    usub = p.add_subparsers(dest="usage_command", metavar="SUBCOMMAND", parser_class=type(p))
    i = usub.add_parser("init", help="write or update a usage file with every usage key of the plan's resources")
    i.add_argument("--plan", action="append", type=Path, required=True, metavar="PLAN_JSON")
    i.add_argument("--usage-file", type=Path, default=Path("costgate-usage.yml"), help="file to write or update")
    i.add_argument(
        "--strict",
        action="store_true",
        help="a problem in the existing file (unknown key, wrong type, address matching no resource) is an "
        "error (exit 2), as with breakdown --strict",
    )
    i.set_defaults(func=run_init)

    def show_help(_args: argparse.Namespace) -> int:
        p.print_help(sys.stderr)
        return 2

    p.set_defaults(func=show_help)


def run_init(args: argparse.Namespace) -> int:
    """Add missing keys; never overwrite what is there."""
    from costgate.iac.plan_json import PlanJsonReader
    from costgate.iac.usage_file import load_usage_file, report_problems
    from costgate.iac.usage_init import init_usage_file, usage_only_templates  # ruamel.yaml: only here

    reader = PlanJsonReader()
    resources = [r for plan in args.plan for r in reader.read(plan).resources]
    existed = args.usage_file.exists()
    if existed:  # the same checks as breakdown's, before anything is written
        current = load_usage_file(args.usage_file)
        report_problems([*current.problems, *current.unmatched(r.address for r in resources)], strict=args.strict)
    summary = init_usage_file([*resources, *usage_only_templates(resources)], args.usage_file)
    if not existed:
        print(f"{summary.path}: wrote {summary.added_keys} keys for {summary.added_resources} resources")
    else:
        print(
            f"{summary.path}: added {summary.added_keys} usage keys on {summary.added_resources} new resources; "
            f"kept {summary.kept_keys} keys you had set"
        )
    return 0
