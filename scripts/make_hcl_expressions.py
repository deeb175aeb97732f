#!/usr/bin/env python3
"""Ask real Terraform what each expression of the HCL evaluator's test table evaluates to.

Why: HCL mode must agree with Terraform, so the expected values of its expression tests come
from `terraform console` (no provider, no network), never from a person or from costgate.
Reads tests/iac/hcl/fixtures/expressions.txt (one expression a line, or several lines between
a `<<<` line and a `>>>` line) and writes expressions.json beside it:
[{"expression": ..., "value": <Terraform's value as JSON>}].
Without terraform on PATH it says so and exits 0.

    python scripts/make_hcl_expressions.py [--check]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "iac" / "hcl" / "fixtures"
SOURCE = FIXTURES / "expressions.txt"
TARGET = FIXTURES / "expressions.json"


def read_expressions(path: Path = SOURCE) -> list[str]:
    """The expressions of the table: single lines, or `<<<` ... `>>>` blocks."""
    out: list[str] = []
    block: list[str] | None = None
    for line in path.read_text().splitlines():
        if block is not None:
            if line == ">>>":
                out.append("\n".join(block) + "\n")
                block = None
            else:
                block.append(line)
        elif line == "<<<":
            block = []
        elif line.strip():
            out.append(line)
    return out


def terraform_values(terraform: str, expressions: list[str], workdir: Path, env: dict[str, str]) -> list[Any]:
    """What `terraform console` says each expression is: one local value each, one console run."""
    locals_block = "".join(f"  v{i} = {e}\n" for i, e in enumerate(expressions))
    (workdir / "main.tf").write_text(f"locals {{\n{locals_block}}}\n")
    query = "jsonencode([" + ", ".join(f"local.v{i}" for i in range(len(expressions))) + "])\n"
    result = subprocess.run(
        [terraform, "console", "-no-color"],
        input=query,
        capture_output=True,
        text=True,
        cwd=workdir,
        env=env,
        timeout=120,
        check=False,
    )
    output = result.stdout.strip()
    if result.returncode != 0 or not output.startswith('"'):
        raise RuntimeError(f"terraform console failed: {result.stderr.strip() or output}")
    values: list[Any] = json.loads(json.loads(output))
    return values


def build(terraform: str) -> str:
    """The JSON text of the fixture."""
    expressions = read_expressions()
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        cli_config = workdir / "cli.tfrc"
        cli_config.write_text("")
        env = {**os.environ, "TF_CLI_CONFIG_FILE": str(cli_config), "CHECKPOINT_DISABLE": "1"}
        values = terraform_values(terraform, expressions, workdir, env)
    rows = [{"expression": e, "value": v} for e, v in zip(expressions, values, strict=True)]
    return json.dumps(rows, indent=1, ensure_ascii=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Write (or with --check compare) the fixture; 0 when done or skipped, 1 when stale."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if expressions.json is stale")
    args = parser.parse_args(argv)
    terraform = shutil.which("terraform")
    if terraform is None:
        print("make_hcl_expressions: skipped, terraform is not on PATH")
        return 0
    text = build(terraform)
    if args.check:
        stale = not TARGET.exists() or TARGET.read_text() != text
        print("expressions.json is stale" if stale else "expressions.json is up to date")
        return 1 if stale else 0
    TARGET.write_text(text)
    print(f"wrote {TARGET.relative_to(REPO)} ({text.count('expression')} expressions)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
