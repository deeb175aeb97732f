"""`costgate config validate` and `costgate config schema`: check a costgate.yml, print its JSON Schema."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from costgate.cli.config_path import resolve_config
from costgate.cli.options import emit
from costgate.config import schema_text
from costgate.errors import ConfigError
from costgate.gate.references import load_checked_config


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `config` with its two sub-commands."""
    p = sub.add_parser("config", help="validate costgate.yml or print its JSON Schema")
    inner = p.add_subparsers(dest="config_command", metavar="SUBCOMMAND", parser_class=type(p))
    v = inner.add_parser("validate", help="validate a costgate.yml (exit 2 naming file, line and key)")
    v.add_argument(
        "config",
        nargs="?",
        type=Path,
        default=None,
        help="path (default $COSTGATE_CONFIG, else the nearest costgate.yml up to the repository root)",
    )
    v.add_argument("--config", dest="config_opt", type=Path, help=argparse.SUPPRESS)
    v.set_defaults(func=run_validate)
    s = inner.add_parser("schema", help="print the JSON Schema of costgate.yml (for editors)")
    s.add_argument("--out", type=Path, help="write to this file instead of stdout")
    s.set_defaults(func=run_schema)

    def _usage(_args: argparse.Namespace) -> int:
        p.print_help(sys.stderr)
        return 2

    p.set_defaults(func=_usage)


def run_validate(args: argparse.Namespace) -> int:
    """Load and check the config (Rego files included); say OK with a summary."""
    path = resolve_config(args.config or args.config_opt, announce=False)
    if path is None:
        raise ConfigError(
            "no config to validate: give a path, --config or $COSTGATE_CONFIG, or add a costgate.yml "
            "between the working directory and the repository root"
        )
    loaded = load_checked_config(path)
    c = loaded.config
    sys.stdout.write(
        f"{path}: OK ({len(c.projects)} project(s), {len(c.teams)} team(s), {len(c.budgets)} budget(s), "
        f"{len(c.policies.rules)} rule setting(s), {len(c.policies.custom)} custom rule(s), "
        f"{len(c.policies.rego)} Rego polic{'y' if len(c.policies.rego) == 1 else 'ies'}, {len(c.waivers)} waiver(s))\n"
    )
    return 0


def run_schema(args: argparse.Namespace) -> int:
    """Print the schema."""
    emit(schema_text(), args.out)
    return 0
