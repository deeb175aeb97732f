"""Refresh the shipped catalog for every region and write the pull-request body with the
`catalog diff` summary: what .github/workflows/catalog-refresh.yml runs every week.

Why a script: the workflow runs on GitHub, where nobody watches it; the same command runs here in
the tests against a local price server (tests/pricing/test_catalog_refresh_pr.py), so a change
that breaks the weekly refresh fails a test instead of a silent cron job.

    python scripts/catalog_refresh_pr.py --body catalog-diff.md [--catalog-dir pricing_data] [-- REFRESH ARGS]

Steps: copy the catalog aside, `costgate catalog refresh --all-regions --aws-source bulk` (any
arguments after `--` are passed on: --provider, --services, base URLs), then `costgate catalog
diff OLD NEW` into the body. A failed refresh leaves the catalog as it was (refresh swaps
atomically) and exits with its code, so the workflow opens no pull request. Writes
`changed=true|false` to $GITHUB_OUTPUT when that is set.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def costgate(*args: str) -> subprocess.CompletedProcess[str]:
    """Run `python -m costgate args` from this checkout, capturing its output."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH", "")]))}
    return subprocess.run(
        [sys.executable, "-m", "costgate", *args], capture_output=True, text=True, env=env, check=False, cwd=REPO
    )


def body_text(refresh_out: str, diff_out: str) -> str:
    """The pull request's body: what was fetched and what changed."""
    return (
        "## Weekly pricing catalog refresh\n\n"
        "`costgate catalog refresh --all-regions` fetched the clouds' public price lists. "
        "`costgate catalog diff` of the previous and the refreshed catalog:\n\n"
        f"```\n{diff_out.strip()}\n```\n\n"
        "<details><summary>Refresh log</summary>\n\n"
        f"```\n{refresh_out.strip()}\n```\n\n</details>\n"
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Refresh, diff, write the body; the exit code is the refresh's (or the diff's) on failure."""
    raw = list(sys.argv[1:] if argv is None else argv)
    passthrough: list[str] = []
    if "--" in raw:
        cut = raw.index("--")
        raw, passthrough = raw[:cut], raw[cut + 1 :]
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--body", type=Path, required=True, help="where to write the pull request's body (markdown)")
    parser.add_argument("--catalog-dir", type=Path, default=REPO / "pricing_data")
    parser.add_argument("--limit", type=int, default=40, help="changed/added/removed products listed (default 40)")
    args = parser.parse_args(raw)
    catalog = args.catalog_dir.resolve()
    with tempfile.TemporaryDirectory(prefix="costgate-catalog-before-") as tmp:
        before = Path(tmp) / "pricing_data"
        shutil.copytree(catalog, before)
        refresh = costgate(
            "catalog",
            "refresh",
            "--catalog-dir",
            str(catalog),
            "--all-regions",
            "--aws-source",
            "bulk",
            "--no-progress",
            *passthrough,
        )
        sys.stdout.write(refresh.stdout)
        sys.stderr.write(refresh.stderr)
        if refresh.returncode != 0:
            return refresh.returncode
        diff = costgate("catalog", "diff", str(before), str(catalog), "--limit", str(args.limit))
        if diff.returncode != 0:
            sys.stderr.write(diff.stderr)
            return diff.returncode
        changed = (before / "manifest.json").read_bytes() != (catalog / "manifest.json").read_bytes()
    args.body.write_text(body_text(refresh.stdout, diff.stdout), encoding="utf-8")
    print(diff.stdout.splitlines()[1] if len(diff.stdout.splitlines()) > 1 else diff.stdout.strip())
    output = os.environ.get("GITHUB_OUTPUT")
    if output:
        with open(output, "a", encoding="utf-8") as handle:
            handle.write(f"changed={'true' if changed else 'false'}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
