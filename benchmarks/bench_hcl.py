"""Time HCL mode as a user's CI runs it: `costgate breakdown --path DIR --format json`, whole process.

Why a whole process: what a pull request waits for is interpreter start, imports, parsing the .tf
files, evaluating them, pricing and writing JSON. Each run is a fresh child; its wall time is
measured from spawn to exit and its CPU time and peak RSS come from its own rusage (``os.wait4``).
CPU time is printed beside wall time because these machines are shared: under load the wall
time of a run grows while its CPU time does not, and the load average is printed too.

Two configurations of ../shared/bench/scale (a module called with for_each, 10 resources per
instance): ``--var groups=5`` (2,000 resources) and the default (20,000 resources). One warm-up
run each (it also builds the catalog index in the user cache), then N timed runs. Without
../shared it says so and exits 0. Benchmarks print figures; no test asserts them (DESIGN.md).

    python benchmarks/bench_hcl.py [--runs 3] [--path DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
SCALE = REPO_ROOT.parent / "shared" / "bench" / "scale"


@dataclass(frozen=True)
class Run:
    """One child process: wall and CPU seconds, peak RSS in MiB, exit code, resources priced."""

    wall: float
    cpu: float
    peak_rss_mib: float
    exit_code: int
    resources: int
    stderr: str


def run_once(argv: Sequence[str]) -> Run:
    """Run `argv` once; measure it with the child's own rusage. stdout goes to a file, not a pipe."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(list(argv), stdout=out, stderr=err, cwd=REPO_ROOT)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")[-2000:]
        out.seek(0)
        try:
            resources = int(json.loads(out.read())["counts"]["resources"])
        except (ValueError, KeyError, TypeError):
            resources = -1
    rss = usage.ru_maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024)
    return Run(wall, usage.ru_utime + usage.ru_stime, rss, proc.returncode, resources, stderr)


def measure(label: str, argv: list[str], runs: int) -> int:
    """Warm up, run `runs` times, print one line of figures; 1 when costgate failed."""
    warm = run_once(argv)
    if warm.exit_code != 0:
        print(f"bench_hcl: {label}: costgate exited {warm.exit_code}:\n{warm.stderr}", file=sys.stderr)
        return 1
    timed = [run_once(argv) for _ in range(max(1, runs))]
    if any(r.exit_code != 0 for r in timed):
        print(f"bench_hcl: {label}: costgate failed:\n{timed[0].stderr}", file=sys.stderr)
        return 1
    load = os.getloadavg()[0]
    print(
        f"{label}: {timed[0].resources} resources, {len(timed)} runs: "
        f"wall median {statistics.median(r.wall for r in timed):.2f} s (min {min(r.wall for r in timed):.2f}), "
        f"CPU median {statistics.median(r.cpu for r in timed):.2f} s, "
        f"peak RSS max {max(r.peak_rss_mib for r in timed):.0f} MiB, load average {load:.1f}"
    )
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry point: 0 when measured or skipped, 1 when costgate failed."""
    parser = argparse.ArgumentParser(description="Time `costgate breakdown --path` per process.")
    parser.add_argument("--path", type=Path, default=SCALE, help="root module (default: ../shared/bench/scale)")
    parser.add_argument("--runs", type=int, default=3, help="timed runs after one warm-up (default 3)")
    args = parser.parse_args(argv)
    if not args.path.is_dir():
        print(f"bench_hcl: skipped, {args.path} is absent (no ../shared on this machine)")
        return 0
    base = [sys.executable, "-m", "costgate", "breakdown", "--path", str(args.path), "--format", "json"]
    status = measure("--var groups=5", [*base, "--var", "groups=5"], args.runs)
    return status or measure("default", base, args.runs)


if __name__ == "__main__":
    sys.exit(main())
