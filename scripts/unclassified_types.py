#!/usr/bin/env python3
"""List the resource types of a provider that costgate neither prices nor knows to be free.

Such a type is reported "unsupported" when a plan uses it. This script reads the provider's
complete type list (Azure, Google: costgate/resources/<provider>/provider_types.txt; AWS: the
resource types of the provider schema that scripts/make_provider_schemas.py derived from
`terraform providers schema -json` into costgate/iac/hcl/provider_schemas/aws.jsonl.gz, whose
first line names the provider version), removes the priced types
(the registry) and the free ones (FREE_TYPES), and groups what is left by service prefix (the
first word after the provider prefix: `azurerm_kusto_cluster` -> `kusto`), so that the next
free-list or pricer round can start from the largest groups.

    python3 scripts/unclassified_types.py                  # counts and groups, every provider
    python3 scripts/unclassified_types.py --provider azure --list   # one type a line
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from collections import defaultdict
from importlib import resources
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from costgate.resources.registry import all_pricers, free_types

PREFIXES = {"aws": "aws_", "azure": "azurerm_", "google": "google_"}
AWS_SCHEMA = Path(__file__).resolve().parents[1] / "costgate" / "iac" / "hcl" / "provider_schemas" / "aws.jsonl.gz"


def aws_schema_types() -> frozenset[str]:
    """The resource types of the shipped AWS provider schema (one JSON line per type after the header)."""
    lines = gzip.decompress(AWS_SCHEMA.read_bytes()).decode().splitlines()[1:]
    return frozenset(next(iter(json.loads(line))) for line in lines if line.strip())


def provider_types(provider: str) -> frozenset[str]:
    """Every resource type of the provider: the AWS schema, or provider_types.txt (comments skipped)."""
    if provider == "aws":
        return aws_schema_types()
    text = resources.files(f"costgate.resources.{provider}").joinpath("provider_types.txt").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def unclassified(provider: str) -> tuple[int, int, list[str]]:
    """(priced, free, sorted types neither priced nor free) for one provider."""
    known = provider_types(provider)
    priced = set(all_pricers(provider)) & known
    free = set(free_types(provider)) & known
    return len(priced), len(free), sorted(known - priced - free)


def service_of(rtype: str, provider: str) -> str:
    """The service prefix of a type: the first word after the provider prefix."""
    return rtype.removeprefix(PREFIXES[provider]).split("_", 1)[0]


def main(argv: list[str] | None = None) -> int:
    """Print the counts and the unclassified types grouped by service."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--provider", choices=sorted(PREFIXES), action="append")
    parser.add_argument("--list", action="store_true", help="one unclassified type a line, nothing else")
    args = parser.parse_args(argv)
    for provider in args.provider or sorted(PREFIXES):
        priced, free, rest = unclassified(provider)
        if args.list:
            print("\n".join(rest))
            continue
        print(f"{provider}: {priced} priced, {free} free, {len(rest)} neither (unsupported)")
        groups: dict[str, list[str]] = defaultdict(list)
        for rtype in rest:
            groups[service_of(rtype, provider)].append(rtype)
        for service, types in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0])):
            print(f"  {service} ({len(types)}): {' '.join(t.removeprefix(PREFIXES[provider]) for t in types)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
