"""Time ``costgate breakdown --format json`` on a large plan, as a user's CI would run it.

Why a whole process: what a pull request waits for is interpreter start, imports, opening the catalog
index, reading the plan and writing JSON, not one function. So each run is a fresh child process, timed
from spawn to exit, and its peak RSS comes from that child's own rusage (``os.wait4``), not from the
RUSAGE_CHILDREN total, which keeps the maximum over every child and would hide a change between runs.

One warm-up run first (it also builds the SQLite catalog index in the user cache, which later runs only
open), then N timed runs; prints median and min wall time and peak RSS. The default plan is the one in
../shared/corpus/plans/generated-scale/; when ../shared is absent the benchmark says so and exits 0.
Benchmarks print figures; no test asserts them (DESIGN.md).

    python benchmarks/bench_breakdown.py [--plan PATH] [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
SHARED = REPO_ROOT.parent / "shared"
SCALE_PLANS = SHARED / "corpus" / "plans" / "generated-scale"


@dataclass(frozen=True)
class Run:
    """One child process: wall seconds, peak resident set in MiB, exit code, and its stderr tail."""

    seconds: float
    peak_rss_mib: float
    exit_code: int
    stderr: str


def default_plan() -> Path | None:
    """The generated-scale plan in ../shared, or None when the shared corpus is not on this machine."""
    if not SCALE_PLANS.is_dir():
        return None
    plans = sorted(SCALE_PLANS.glob("*.json"))
    return plans[0] if plans else None


def costgate_command() -> list[str]:
    """The installed ``costgate`` script if on PATH, else ``python -m costgate`` from this checkout."""
    exe = shutil.which("costgate")
    return [exe] if exe else [sys.executable, "-m", "costgate"]


def run_once(argv: Sequence[str]) -> Run:
    """Run ``argv`` once and measure it with the child's own rusage.

    stdout goes to a temp file, not a pipe: a multi-megabyte JSON report would fill a pipe buffer and
    stall the child while we sit in wait4.
    """
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(list(argv), stdout=out, stderr=err, cwd=REPO_ROOT)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)  # we reaped it; tell Popen so
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")[-2000:]
    # ru_maxrss is KiB on Linux, bytes on macOS.
    rss_mib = usage.ru_maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024)
    return Run(seconds=seconds, peak_rss_mib=rss_mib, exit_code=proc.returncode, stderr=stderr)


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry point: 0 when measured or skipped, 1 when costgate itself failed."""
    parser = argparse.ArgumentParser(description="Time `costgate breakdown --format json` per process.")
    parser.add_argument("--plan", type=Path, help="plan JSON (default: ../shared generated-scale plan)")
    parser.add_argument("--runs", type=int, default=5, help="timed runs after one warm-up (default 5)")
    parser.add_argument("--format", default="json", help="output format to time (json, table, markdown; default json)")
    args = parser.parse_args(argv)

    plan = args.plan or default_plan()
    if plan is None:
        print(f"bench_breakdown: skipped, {SCALE_PLANS} is absent (no ../shared on this machine)")
        return 0
    command = [*costgate_command(), "breakdown", "--plan", str(plan), "--format", args.format]
    print(f"plan: {plan} ({plan.stat().st_size / 1e6:.1f} MB)")
    print(f"command: {' '.join(command)}")

    warm = run_once(command)
    if warm.exit_code != 0:
        print(f"bench_breakdown: costgate exited {warm.exit_code} on warm-up:\n{warm.stderr}", file=sys.stderr)
        return 1
    print(f"warm-up: {warm.seconds:.3f} s, peak RSS {warm.peak_rss_mib:.1f} MiB")

    runs = [run_once(command) for _ in range(max(1, args.runs))]
    failed = [r for r in runs if r.exit_code != 0]
    if failed:
        print(f"bench_breakdown: costgate exited {failed[0].exit_code}:\n{failed[0].stderr}", file=sys.stderr)
        return 1
    times = [r.seconds for r in runs]
    rss = [r.peak_rss_mib for r in runs]
    print(
        f"runs: {len(runs)}  wall median {statistics.median(times):.3f} s  min {min(times):.3f} s  "
        f"peak RSS median {statistics.median(rss):.1f} MiB  max {max(rss):.1f} MiB"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
