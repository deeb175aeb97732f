#!/usr/bin/env python3
"""Derive HCL mode's provider schemas from Terraform: `terraform providers schema -json`.

Why: Terraform converts every configured value to the type the provider's schema declares
(`value = true` becomes "true" for a string attribute), treats attributes the schema marks
computed as unknown until apply, and writes single nested blocks as objects. HCL mode cannot
ask the provider, so it reads a compact copy of the schema that this script derives from the
provider Terraform installs from the local mirror (TERRAFORM.md). Only the AWS provider is
installable here; Azure and Google stay schema-less (docs/hcl-evaluation.md says what that means).

Output: costgate/iac/hcl/provider_schemas/aws.jsonl.gz, gzip of sorted JSON lines. The first
line is {"provider": source, "version": ...}; then one {"<resource type>": block} per type, where
a block is {"s": [string attributes], "n": [number], "b": [bool], "t": {attribute: cty type for
the others}, "c": [computed attributes], "k": {nested block: [nesting mode, block]}}.

    python scripts/make_provider_schemas.py [--check]
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
TARGET = REPO / "costgate" / "iac" / "hcl" / "provider_schemas" / "aws.jsonl.gz"
SOURCE = "registry.terraform.io/hashicorp/aws"
VERSION = "5.100.0"
_PRIMITIVES = {"string": "s", "number": "n", "bool": "b"}


def _make_fixtures() -> Any:
    spec = importlib.util.spec_from_file_location("make_fixtures", REPO / "scripts" / "make_fixtures.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["make_fixtures"] = module
    spec.loader.exec_module(module)
    return module


def compact_block(block: dict[str, Any]) -> dict[str, Any]:
    """The compact form of one schema block (see the module docstring)."""
    out: dict[str, Any] = {}
    for name, attribute in sorted((block.get("attributes") or {}).items()):
        kind = attribute.get("type")
        short = _PRIMITIVES.get(kind) if isinstance(kind, str) else None
        if short is not None:
            out.setdefault(short, []).append(name)
        else:
            out.setdefault("t", {})[name] = kind if kind is not None else "dynamic"
        if attribute.get("computed"):
            out.setdefault("c", []).append(name)
    for name, nested in sorted((block.get("block_types") or {}).items()):
        out.setdefault("k", {})[name] = [nested["nesting_mode"], compact_block(nested.get("block") or {})]
    return out


def compact(schema: dict[str, Any]) -> bytes:
    """The gzip bytes of the compact JSON lines (mtime 0, so equal schemas give equal bytes)."""
    provider = schema["provider_schemas"][SOURCE]
    lines = [json.dumps({"provider": SOURCE, "version": VERSION}, sort_keys=True)]
    for rtype, body in sorted(provider["resource_schemas"].items()):
        lines.append(json.dumps({rtype: compact_block(body["block"])}, separators=(",", ":"), sort_keys=True))
    return gzip.compress(("\n".join(lines) + "\n").encode(), compresslevel=9, mtime=0)


def main(argv: list[str] | None = None) -> int:
    """Write (or with --check compare) the schema file; 0 when done or skipped, 1 when stale."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the shipped schema is stale")
    args = parser.parse_args(argv)
    fixtures = _make_fixtures()
    with fixtures.toolchain() as tc:
        if tc is None:
            print("make_provider_schemas: skipped, terraform or the provider mirror is absent")
            return 0
        with tempfile.TemporaryDirectory(prefix="costgate-schema-") as tmp:
            work = Path(tmp)
            (work / "main.tf").write_text(
                "terraform {\n  required_providers {\n"
                f'    aws = {{ source = "hashicorp/aws", version = "{VERSION}" }}\n  }}\n}}\n'
            )
            fixtures._run(tc, ["init", "-input=false", "-no-color"], cwd=work)
            schema = json.loads(fixtures._run(tc, ["providers", "schema", "-json"], cwd=work))
    data = compact(schema)
    if args.check:
        stale = not TARGET.exists() or gzip.decompress(TARGET.read_bytes()) != gzip.decompress(data)
        print(f"{TARGET.name} is stale" if stale else f"{TARGET.name} is up to date")
        return 1 if stale else 0
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    TARGET.write_bytes(data)
    print(f"wrote {TARGET.relative_to(REPO)} ({len(data) / 1024:.0f} KiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
