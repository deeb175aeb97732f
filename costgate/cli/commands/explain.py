"""`costgate explain CG101`: a built-in rule's documentation, from its own docstring (the same
text as docs/rules/), so users can read why a rule fired without leaving the terminal."""

from __future__ import annotations

import argparse
import inspect
import json

from costgate.cli.options import emit
from costgate.errors import PolicyError


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the sub-command."""
    p = sub.add_parser("explain", help="show a built-in rule's documentation (by code or name), or list them")
    p.add_argument("rule", nargs="?", help="rule code (CG101) or name (gp2-volume); omit to list every rule")
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Print one rule's documentation, or the list of rules."""
    from costgate.gate.registry import find_rule, rules

    if not args.rule:
        table = rules()
        if args.format == "json":
            emit(
                json.dumps(
                    [
                        {
                            "code": r.code,
                            "name": r.name,
                            "title": r.title,
                            "severity": r.severity.value,
                            "status": r.status.value,
                        }
                        for r in table.values()
                    ],
                    indent=2,
                )
                + "\n",
                None,
            )
        else:
            emit(
                "".join(
                    f"{r.code}  {r.name:42} {r.severity.value:6} {r.status.value:8} {r.title}\n" for r in table.values()
                ),
                None,
            )
        return 0
    rule = find_rule(args.rule)
    if rule is None:
        raise PolicyError(f"no built-in rule {args.rule!r} (see `costgate explain` for the list)")
    if args.format == "json":
        emit(
            json.dumps(
                {
                    "code": rule.code,
                    "name": rule.name,
                    "title": rule.title,
                    "severity": rule.severity.value,
                    "status": rule.status.value,
                    "doc": inspect.cleandoc(rule.doc),
                },
                indent=2,
            )
            + "\n",
            None,
        )
        return 0
    emit(
        f"{rule.code} {rule.name} ({rule.severity.value}, {rule.status.value})\n{rule.title}\n\n{inspect.cleandoc(rule.doc)}\n",
        None,
    )
    return 0
