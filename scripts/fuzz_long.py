"""Run the fuzz tests' strategies for a long time (100,000 inputs by default) and print figures.

The CI-sized fuzz tests (tests/fuzz/test_fuzz.py) run a few hundred derandomized examples so
that every CI run is the same; this runs the same strategies and invariants, randomized, many
times more, for docs/security.md. It runs pytest in-process on tests/fuzz with the "long"
hypothesis profile and COSTGATE_FUZZ_SCALE set so that the example counts add up to --inputs,
then prints, per target, the examples run, the failures (hypothesis stops a target at its first
failing example and shrinks it), the wall time and the peak memory.

    python scripts/fuzz_long.py                      # 100,000 inputs (hours on one core)
    python scripts/fuzz_long.py --inputs 5000 --seed 7
    python scripts/fuzz_long.py --minutes 40         # as many 2,000-input rounds as fit, new seed each

A failing example is printed with hypothesis's @reproduce_failure blob; the round goes on with
the other targets, and the next round starts afresh.

Run it on one core (`taskset -c 0 nice python scripts/fuzz_long.py`): it never starts more
than one process at a time except the Rego child it waits for.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CI_EXAMPLES = 120 + 60 + 80 + 60 + 25 + 40
"""Examples the CI profile runs over all fuzz tests (keep in step with tests/fuzz/test_fuzz.py)."""


def main(argv: list[str] | None = None) -> int:
    """Run, print figures (text and, with --json, a JSON line); exit 1 when a target failed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inputs", type=int, default=100_000, help="total examples over all targets")
    parser.add_argument("--seed", type=int, default=None, help="hypothesis seed (default: random)")
    parser.add_argument("--json", type=Path, help="also write the figures as JSON here")
    parser.add_argument(
        "--minutes", type=float, help="run rounds of --round inputs (seeds 1, 2, ...) until this much time passed"
    )
    parser.add_argument("--round", type=int, default=2000, help="inputs per round with --minutes")
    args = parser.parse_args(argv)
    if args.minutes is not None:
        return _rounds(args)

    os.environ["COSTGATE_FUZZ_PROFILE"] = "long"
    os.environ["COSTGATE_FUZZ_SCALE"] = str(args.inputs / CI_EXAMPLES)
    os.environ.setdefault("COSTGATE_CACHE_DIR", str(Path.home() / ".cache" / "costgate-fuzz"))
    sys.path.insert(0, str(REPO))
    import pytest

    # hypothesis's failure report imports a module that warns; the suite's warnings-as-errors
    # would turn the report itself into an INTERNALERROR and hide the falsifying example
    pytest_args = [
        str(REPO / "tests" / "fuzz"),
        "-q",
        "-p",
        "no:cacheprovider",
        "--tb=short",
        "-W",
        "ignore::DeprecationWarning",
        f"--basetemp={Path(tempfile.gettempdir()) / f'costgate-fuzz-{os.getpid()}'}",
    ]
    if args.seed is not None:
        pytest_args.append(f"--hypothesis-seed={args.seed}")
    started = time.monotonic()
    code = pytest.main(pytest_args)
    elapsed = time.monotonic() - started
    from tests.fuzz.test_fuzz import COUNTS

    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    total = sum(COUNTS.values())
    figures = {
        "inputs_requested": args.inputs,
        "inputs_run": total,
        "per_target": dict(COUNTS),
        "seconds": round(elapsed, 1),
        "inputs_per_second": round(total / elapsed, 1) if elapsed else None,
        "peak_rss_mb": round(peak_mb),
        "pytest_exit": int(code),
        "seed": args.seed,
    }
    print(
        f"\n{total:,} inputs in {elapsed:,.0f} s ({figures['inputs_per_second']}/s), peak RSS {peak_mb:,.0f} MiB, "
        f"pytest exit {int(code)} ({'no invariant broken' if code == 0 else 'see the failures above'})"
    )
    for target, n in sorted(COUNTS.items()):
        print(f"  {target:15} {n:>8,}")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n")
    return 0 if code == 0 else 1


def _rounds(args: argparse.Namespace) -> int:
    """Rounds in child processes (a fresh pytest each) until the time is up; summed figures."""
    import subprocess

    deadline = time.monotonic() + args.minutes * 60
    totals: dict[str, int] = {}
    rounds, failed, seconds, peak = 0, 0, 0.0, 0
    seed = args.seed or 1
    while time.monotonic() < deadline:
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / "round.json"
            subprocess.run(
                [sys.executable, __file__, "--inputs", str(args.round), "--seed", str(seed), "--json", str(out)],
                check=False,
            )
            if not out.exists():
                break
            figures = json.loads(out.read_text())
        rounds += 1
        seed += 1
        failed += figures["pytest_exit"] != 0
        seconds += figures["seconds"]
        peak = max(peak, figures["peak_rss_mb"])
        for target, n in figures["per_target"].items():
            totals[target] = totals.get(target, 0) + n
        summary = {
            "rounds": rounds,
            "rounds_with_a_failure": failed,
            "inputs_run": sum(totals.values()),
            "per_target": totals,
            "seconds": round(seconds),
            "peak_rss_mb": peak,
            "inputs_per_second": round(sum(totals.values()) / seconds, 1) if seconds else None,
        }
        print(f"after round {rounds}: {json.dumps(summary)}", flush=True)
        if args.json:
            args.json.write_text(json.dumps(summary, indent=2) + "\n")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
