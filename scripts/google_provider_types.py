#!/usr/bin/env python3
"""Derive the resource type names of the Terraform Google provider from its registration code.

Every resource the provider serves registers itself in an `init()` with a block such as

    registry.Schema{
        Name:        "google_compute_disk",
        Type:        registry.SchemaTypeResource,     // or SchemaTypeIAMResource
        ...
    }.Register()

(plugin-framework resources use `registry.FrameworkResource{Name: ...}`). This script reads those
blocks from git clones of hashicorp/terraform-provider-google and -google-beta (costgate prices
both under `google`) at a release tag and writes the union of their names, one a line, under a
header naming the versions, to costgate/resources/google/provider_types.txt.
Data sources, list resources and ephemeral resources are left out. The committed list lets tests
check that every free and priced Google type is a real resource type.

    python scripts/google_provider_types.py --ref v7.45.0 \
        --git-dir PATH/terraform-provider-google.git PATH/terraform-provider-google-beta.git
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "costgate" / "resources" / "google" / "provider_types.txt"
BLOCK = re.compile(r"registry\.(Schema|FrameworkResource)\{(?P<body>.*?)\}\.Register\(\)", re.S)
NAME = re.compile(r'\bName:\s*"(google_[a-z0-9_]+)"')
KIND = re.compile(r"\bType:\s*registry\.(SchemaType[A-Za-z]+)")
RESOURCE_KINDS = frozenset({"SchemaTypeResource", "SchemaTypeIAMResource"})


def _git(git_dir: str, *args: str) -> str:
    return subprocess.run(["git", "--git-dir", git_dir, *args], check=True, capture_output=True, text=True).stdout


def types_in(source: str) -> set[str]:
    """Resource type names registered in one Go file."""
    found = set()
    for m in BLOCK.finditer(source):
        body = m.group("body")
        name = NAME.search(body)
        if name is None:
            continue
        kind = KIND.search(body)
        if m.group(1) == "FrameworkResource" or (kind is not None and kind.group(1) in RESOURCE_KINDS):
            found.add(name.group(1))
    return found


def main(argv: list[str] | None = None) -> int:
    """Write provider_types.txt from the provider's Go sources at `--ref`."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--git-dir", required=True, nargs="+", help="git directories of provider clones (google, google-beta)"
    )
    ap.add_argument("--ref", required=True, help="release tag to read, e.g. v7.45.0")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    names: set[str] = set()
    sources = []
    for git_dir in args.git_dir:
        commit = _git(git_dir, "rev-parse", f"{args.ref}^{{commit}}").strip()
        files = [
            f
            for f in _git(git_dir, "ls-tree", "-r", "--name-only", commit).splitlines()
            if f.startswith(("google/", "google-beta/")) and f.endswith(".go") and not f.endswith("_test.go")
        ]
        found: set[str] = set()
        for path in files:
            found |= types_in(_git(git_dir, "show", f"{commit}:{path}"))
        if not found:
            print(f"{git_dir}: no registered resource types found at {args.ref}", file=sys.stderr)
            return 2
        names |= found
        sources.append(
            f"#   {git_dir.rstrip('/').split('/')[-2].replace('+', '/') if git_dir.rstrip('/').endswith('repo') else git_dir} "
            f"{args.ref} (commit {commit}): {len(found)} types\n"
        )
    header = (
        "# Resource types of the Terraform Google providers, derived by scripts/google_provider_types.py\n"
        "# from their registry.Schema / FrameworkResource registrations (data sources excluded):\n"
        + "".join(sources)
        + f"# {len(names)} types in all. Do not edit by hand.\n"
    )
    args.out.write_text(header + "".join(f"{n}\n" for n in sorted(names)))
    print(f"{args.out}: {len(names)} types")
    return 0


if __name__ == "__main__":
    sys.exit(main())
