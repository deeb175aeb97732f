"""Derive the list of azurerm resource type names from a checkout of terraform-provider-azurerm.

costgate's Azure free list and pricers must name real resource types. The provider documents every
resource it registers in website/docs/r/<name>.html.markdown, so the file names give the type names
(`azurerm_` + name). Types removed by a major release (the azurerm_sql_* family, single-server
PostgreSQL/MySQL/MariaDB in 4.x/5.x) still appear in plans made with older providers, so the list is
the union over the given git refs; the header names each ref and its commit.

    python3 scripts/derive_azurerm_types.py --git-dir /path/to/terraform-provider-azurerm/.git \
        --ref v5.2.0 --ref v3.117.1 --out costgate/resources/azure/provider_types.txt

Only names are read (git ls-tree); nothing of the provider's code or prose is copied.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

DOCS_DIR = "website/docs/r/"
SUFFIX = ".html.markdown"


def _git(git_dir: str, *args: str) -> str:
    return subprocess.run(["git", "--git-dir", git_dir, *args], check=True, capture_output=True, text=True).stdout


def type_of(file_name: str) -> str:
    """The resource type a doc file documents: `azurerm_` + its name. A few files of older releases
    already carry the prefix (v3.117.1's `azurerm_security_center_server_vulnerability_assessment
    .html.markdown`, whose page title is `azurerm_security_center_server_vulnerability_assessment`):
    the prefix is not doubled."""
    return "azurerm_" + file_name.removesuffix(SUFFIX).removeprefix("azurerm_")


def types_at(git_dir: str, ref: str) -> set[str]:
    """Resource type names documented at `ref`."""
    names = _git(git_dir, "ls-tree", "--name-only", f"{ref}:{DOCS_DIR}").split()
    return {type_of(n) for n in names if n.endswith(SUFFIX)}


def main(argv: list[str] | None = None) -> int:
    """Write the union of the refs' type names, one a line, under a header naming the refs."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--git-dir", required=True)
    parser.add_argument("--ref", action="append", required=True, help="a tag or commit; the first is the newest")
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    union: set[str] = set()
    header = [
        "# azurerm resource types: file names of website/docs/r/ in hashicorp/terraform-provider-azurerm",
        "# (union over the refs below; derived by scripts/derive_azurerm_types.py, do not edit)",
    ]
    newest: set[str] | None = None
    for ref in args.ref:
        found = types_at(args.git_dir, ref)
        commit = _git(args.git_dir, "rev-parse", f"{ref}^{{commit}}").strip()
        header.append(f"# {ref} {commit}: {len(found)} types")
        newest = found if newest is None else newest
        union |= found
    assert newest is not None
    header.append(f"# {len(union)} types; {len(union - newest)} only in older refs (removed since)")
    args.out.write_text("\n".join(header + sorted(union)) + "\n")
    print(f"wrote {args.out}: {len(union)} types", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
