"""Time ``costgate breakdown --format json`` on a large plan, as a user's CI would run it.

Why a whole process: what a pull request waits for is interpreter start, imports, opening the catalog
index, reading the plan and writing JSON, not one function. So each run is a fresh child process, timed
from spawn to exit, and its peak RSS comes from that child's own rusage (``os.wait4``), not from the
RUSAGE_CHILDREN total, which keeps the maximum over every child and would hide a change between runs.

Cold runs first: each in a fresh, EMPTY cache dir (what a new CI runner sees: the scopes the plan
needs are indexed from pricing_data/ during the run). Then one warm-up and N warm runs sharing one cache
dir (the indexes are only opened and checked). Prints median and min wall time and peak RSS of both.
The default plan is the one in ../shared/corpus/plans/generated-scale/; when ../shared is absent the
benchmark says so and exits 0. Benchmarks print figures; no test asserts them (DESIGN.md).

    python benchmarks/bench_breakdown.py [--plan PATH] [--runs 5]
    python benchmarks/bench_breakdown.py --check [--plan PATH] [--runs 5] [--profile]

`--check` times `check --config examples/gate/costgate.yml` (built-in rules, a custom rule, the Rego
policy, budgets, waivers) in each output format, warm, and with `--profile` prints the top entries
of a cProfile run of the same command (tottime, CPU clock) for the table format.

The children run with a bytecode cache in a temporary directory (PYTHONPYCACHEPREFIX): an installed
costgate has its .pyc files written at install time, while this checkout, run with
PYTHONDONTWRITEBYTECODE=1, compiles about 75 modules from source on every start (0.07 s of a
0.4 s run). `--no-bytecode-cache` measures the checkout as it is.
"""

from __future__ import annotations

import argparse
import os
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
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
    cpu_seconds: float
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


def run_once(argv: Sequence[str], env: dict[str, str] | None = None) -> Run:
    """Run ``argv`` once and measure it with the child's own rusage.

    stdout goes to a temp file, not a pipe: a multi-megabyte JSON report would fill a pipe buffer and
    stall the child while we sit in wait4.
    """
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(list(argv), stdout=out, stderr=err, cwd=REPO_ROOT, env=env)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)  # we reaped it; tell Popen so
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")[-2000:]
    # ru_maxrss is KiB on Linux, bytes on macOS.
    rss_mib = usage.ru_maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024)
    return Run(
        seconds=seconds,
        peak_rss_mib=rss_mib,
        cpu_seconds=usage.ru_utime + usage.ru_stime,
        exit_code=proc.returncode,
        stderr=stderr,
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry point: 0 when measured or skipped, 1 when costgate itself failed."""
    parser = argparse.ArgumentParser(description="Time `costgate breakdown --format json` per process.")
    parser.add_argument("--plan", type=Path, help="plan JSON (default: ../shared generated-scale plan)")
    parser.add_argument("--runs", type=int, default=5, help="timed runs after one warm-up (default 5)")
    parser.add_argument("--format", default="json", help="output format to time (json, table, markdown; default json)")
    parser.add_argument(
        "--args",
        help="time another command instead: its arguments, {plan} standing for the plan "
        '(e.g. "check --plan {plan} --config examples/gate/costgate.yml")',
    )
    parser.add_argument(
        "--check",
        action="store_true",
        help="time `check --config examples/gate/costgate.yml` in every output format (warm runs only)",
    )
    parser.add_argument("--profile", action="store_true", help="with --check: print cProfile's top entries")
    parser.add_argument(
        "--formats",
        default=",".join(CHECK_FORMATS),
        help=f"with --check: formats to time (default {','.join(CHECK_FORMATS)})",
    )
    parser.add_argument(
        "--no-bytecode-cache", action="store_true", help="compile costgate from source in every run (as this checkout)"
    )
    args = parser.parse_args(argv)

    plan = args.plan or default_plan()
    if plan is None:
        print(f"bench_breakdown: skipped, {SCALE_PLANS} is absent (no ../shared on this machine)")
        return 0
    if args.check:
        with _bytecode(not args.no_bytecode_cache) as env:
            return bench_check(plan, args.runs, env, profile=args.profile, formats=args.formats.split(","))
    command = [*costgate_command(), "breakdown", "--plan", str(plan), "--format", args.format]
    if args.args:
        command = [*costgate_command(), *(a.replace("{plan}", str(plan)) for a in shlex.split(args.args))]
        _OK_CODES.add(1)
    print(f"plan: {plan} ({plan.stat().st_size / 1e6:.1f} MB)")
    print(f"command: {' '.join(command)}")

    with (
        _bytecode(not args.no_bytecode_cache) as base_env,
        tempfile.TemporaryDirectory(prefix="costgate-bench-cache-") as tmp,
    ):
        cold = []
        for i in range(max(1, args.runs)):
            env = {**base_env, "COSTGATE_CACHE_DIR": str(Path(tmp) / f"cold-{i}")}  # empty every time
            cold.append(run_once(command, env))
        if _failed(cold):
            return 1
        _summary("cold (empty cache dir)", cold)
        env = {**base_env, "COSTGATE_CACHE_DIR": str(Path(tmp) / "warm")}
        warm_up = run_once(command, env)
        if _failed([warm_up]):
            return 1
        warm = [run_once(command, env) for _ in range(max(1, args.runs))]
        if _failed(warm):
            return 1
        _summary("warm (indexes cached)", warm)
    return 0


CHECK_CONFIG = REPO_ROOT / "examples" / "gate" / "costgate.yml"
CHECK_FORMATS = ("table", "json", "sarif", "html")


@contextmanager
def _bytecode(cached: bool) -> Iterator[dict[str, str]]:
    """The children's environment: catalog age warnings off, and a bytecode cache of their own
    (as an installed costgate has) unless `cached` is False."""
    env = {**os.environ, "COSTGATE_CATALOG_MAX_AGE_DAYS": "0"}
    if not cached:
        yield env
        return
    with tempfile.TemporaryDirectory(prefix="costgate-bench-pyc-") as pyc:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        yield {**env, "PYTHONPYCACHEPREFIX": pyc}


def bench_check(
    plan: Path, runs: int, env: dict[str, str], *, profile: bool = False, formats: Sequence[str] = CHECK_FORMATS
) -> int:
    """`check` with examples/gate's config on `plan`, each output format: one warm-up, then `runs`
    timed runs (CPU includes the Rego child, which the parent waits for)."""
    _OK_CODES.add(1)  # a blocking verdict is a result, not a failure
    base = [*costgate_command(), "check", "--plan", str(plan), "--config", str(CHECK_CONFIG)]
    print(f"plan: {plan} ({plan.stat().st_size / 1e6:.1f} MB); config: {CHECK_CONFIG.relative_to(REPO_ROOT)}")
    print(f"bytecode cache: {'yes' if 'PYTHONPYCACHEPREFIX' in env else 'no (compiled from source every run)'}")
    with tempfile.TemporaryDirectory(prefix="costgate-bench-cache-") as tmp:
        env = {**env, "COSTGATE_CACHE_DIR": str(Path(tmp) / "warm")}
        for fmt in formats:
            command = [*base, "--format", fmt]
            warm_up = run_once(command, env)
            if _failed([warm_up]):
                return 1
            timed = [run_once(command, env) for _ in range(max(1, runs))]
            if _failed(timed):
                return 1
            _summary(f"check --format {fmt}", timed)
        if profile:
            _profile([*base[len(costgate_command()) :], "--format", "table"], env)
    return 0


def _profile(args: Sequence[str], env: dict[str, str], top: int = 15) -> None:
    """cProfile (CPU clock) of one in-process run of `costgate ARGS` in a child; prints the top
    entries by own time. The Rego policy's child process is not profiled (its time is a wait here)."""
    script = (
        "import cProfile, io, pstats, sys, time\n"
        "from costgate.cli.main import main\n"
        "profile = cProfile.Profile(time.process_time)\n"
        "out, sys.stdout = sys.stdout, io.StringIO()\n"
        "profile.runcall(main, sys.argv[1:])\n"
        "sys.stdout = out\n"
        f"pstats.Stats(profile).sort_stats('tottime').print_stats({top})\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", script, *args], cwd=REPO_ROOT, env=env, capture_output=True, text=True, check=False
    )
    lines = [line for line in proc.stdout.splitlines() if line.strip()]
    start = next((i for i, line in enumerate(lines) if "ncalls" in line), 0)
    print(f"profile of `costgate {' '.join(args)}` (cProfile, CPU clock, top {top} by own time):")
    for line in lines[max(0, start - 2) :]:
        print(f"  {line}")


_OK_CODES = {0}
"""Exit codes of a run that worked; with --args, 1 too (check's blocking verdict, not a failure)."""


def _failed(runs: Sequence[Run]) -> bool:
    bad = [r for r in runs if r.exit_code not in _OK_CODES]
    if bad:
        print(f"bench_breakdown: costgate exited {bad[0].exit_code}:\n{bad[0].stderr}", file=sys.stderr)
    return bool(bad)


def _summary(label: str, runs: Sequence[Run]) -> None:
    times = [r.seconds for r in runs]
    rss = [r.peak_rss_mib for r in runs]
    cpu = [r.cpu_seconds for r in runs]
    print(
        f"{label}: {len(runs)} runs  wall median {statistics.median(times):.3f} s  min {min(times):.3f} s  "
        f"CPU median {statistics.median(cpu):.3f} s  peak RSS median {statistics.median(rss):.1f} MiB  "
        f"max {max(rss):.1f} MiB  (load average {os.getloadavg()[0]:.1f})"
    )


if __name__ == "__main__":
    sys.exit(main())
