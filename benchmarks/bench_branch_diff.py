"""Time HCL mode and a branch diff (`--compare-to`) on the scale config, as whole processes.

Why: a branch diff reads the folder twice (the working tree, and the base ref unpacked with
`git archive` into a temporary folder) and compares the two; what a pull request waits for is
that whole run. The benchmark copies ../shared/bench/scale into a temporary git repository,
commits it, changes the service module (the worker instances grow from c6g.large to c6g.xlarge)
in a second commit, and times, each as a fresh process (1 warm-up, then N runs):

    breakdown --path scale              the working tree alone
    diff --path scale --compare-to HEAD~1   both sides, compared

with `--var groups=N` (5 by default: 2,000 resources; 50 gives the full 20,000). Prints median
and min wall time and peak RSS. Without ../shared or git it says so and exits 0. Benchmarks print
figures; no test asserts them (DESIGN.md).

    python benchmarks/bench_branch_diff.py [--groups 5] [--runs 3]
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parent.parent
SCALE = REPO_ROOT.parent / "shared" / "bench" / "scale"


def _bench_breakdown() -> Any:
    """benchmarks/bench_breakdown.py (its run_once and costgate_command), imported by path."""
    spec = importlib.util.spec_from_file_location("bench_breakdown", Path(__file__).with_name("bench_breakdown.py"))
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def _git(repo: Path, *args: str) -> None:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "bench",
        "GIT_AUTHOR_EMAIL": "bench@example.com",
        "GIT_COMMITTER_NAME": "bench",
        "GIT_COMMITTER_EMAIL": "bench@example.com",
    }
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, env=env)


def make_repo(root: Path) -> Path:
    """A repository with the scale config committed twice: as shipped, then with bigger workers."""
    repo = root / "repo"
    shutil.copytree(SCALE, repo / "scale")
    _git(repo, "init", "-q", "-b", "main")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "base")
    module = repo / "scale" / "mod" / "main.tf"
    text = module.read_text(encoding="utf-8")
    changed = text.replace('instance_type = "c6g.large"', 'instance_type = "c6g.xlarge"')
    if changed == text:
        raise SystemExit("bench_branch_diff: scale/mod/main.tf no longer has the c6g.large worker to change")
    module.write_text(changed, encoding="utf-8")
    _git(repo, "commit", "-q", "-am", "bigger workers")
    return repo


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry point: 0 when measured or skipped, 1 when costgate itself failed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--groups", type=int, default=5, help="scale's `groups` variable (5: 2,000 resources)")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    if not SCALE.is_dir() or shutil.which("git") is None:
        print("bench_branch_diff: skipped, ../shared/bench/scale or git is absent")
        return 0
    bench = _bench_breakdown()
    with tempfile.TemporaryDirectory(prefix="costgate-bench-") as tmp:
        repo = make_repo(Path(tmp))
        env = {**os.environ, "PYTHONPATH": str(REPO_ROOT), "COSTGATE_CACHE_DIR": str(Path(tmp) / "cache")}
        common = ["--var", f"groups={args.groups}", "--format", "json", "--max-catalog-age-days", "0"]
        cases = {
            "breakdown --path": [*bench.costgate_command(), "breakdown", "--path", str(repo / "scale"), *common],
            "diff --path --compare-to HEAD~1": [
                *bench.costgate_command(),
                "diff",
                "--path",
                str(repo / "scale"),
                "--compare-to",
                "HEAD~1",
                *common,
            ],
        }
        for label, command in cases.items():
            warm = bench.run_once(command, env=env)
            if warm.exit_code != 0:
                print(f"{label}: costgate failed ({warm.exit_code}): {warm.stderr}")
                return 1
            runs = [bench.run_once(command, env=env) for _ in range(args.runs)]
            seconds = [r.seconds for r in runs]
            rss = [r.peak_rss_mib for r in runs]
            print(
                f"{label:<34} groups={args.groups}: median {statistics.median(seconds):.2f} s, "
                f"min {min(seconds):.2f} s, peak RSS {max(rss):.0f} MiB ({args.runs} runs)"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
