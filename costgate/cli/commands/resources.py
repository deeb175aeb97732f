"""`costgate resources`: which resource types are priced, known free, or unsupported."""

from __future__ import annotations

import argparse
import json

from costgate.cli.options import emit
from costgate.resources.registry import all_pricers, free_types, providers


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the sub-command."""
    p = sub.add_parser("resources", help="list priced and free resource types")
    # choices: an unknown provider is a usage error (exit 2), never an empty listing
    p.add_argument("--provider", choices=providers(), help="list only this provider's types")
    p.add_argument("--format", choices=["table", "json"], default="table")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Print priced and free types per provider."""
    doc: dict[str, dict[str, list[str]]] = {}
    for prov in providers():
        if args.provider and prov != args.provider:
            continue
        doc[prov] = {"priced": sorted(all_pricers(prov)), "free": sorted(free_types(prov))}
    if args.format == "json":
        emit(
            json.dumps(
                {"providers": doc, "counts": {p: {k: len(v) for k, v in d.items()} for p, d in doc.items()}}, indent=2
            )
            + "\n",
            None,
        )
        return 0
    lines = []
    for prov, d in doc.items():
        lines.append(f"{prov}: {len(d['priced'])} priced, {len(d['free'])} free")
        lines += [f"  priced  {t}" for t in d["priced"]]
        lines += [f"  free    {t}" for t in d["free"]]
    emit("\n".join(lines) + "\n", None)
    return 0
