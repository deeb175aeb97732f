"""Sweep plan size and show whether `costgate breakdown --format json` grows linearly.

Why: a step that scans every resource for each resource (the old aws_eip attachment scan) is invisible
at 1,000 resources and takes minutes at 100,000. Timing one size cannot show it; the ratio between
sizes can. So this script builds synthetic plans of several sizes from REAL resource shapes (the
Terraform-made plans under tests/fixtures/resources/aws/, every one made by scripts/make_fixtures.py)
and times each as a whole process with bench_breakdown's timer (wall, CPU of the child, peak RSS).

How a plan is built: every fixture plan becomes a module call (`module.fx_<name>`) with `for_each`
over k keys, so each copy keeps its real attributes, its references (the configuration is recorded
once per module call, as Terraform does) and its own addresses. Two sweeps:

- mixed: all fixtures together, copied until the plan holds ~1k, 5k, 20k, 100k resources;
- eip: only the aws_eip fixture (addresses attached to instances, NAT gateways and associations, and
  idle ones), copied until the plan holds 2k, 4k, 8k Elastic IPs: the quadratic case of issue 15.
- nat: only the aws_nat_gateway fixture, 1k, 2k, 4k gateways in one non-production project, timed
  with `costgate check --format json` (no config: the built-in rules): rule CG301 once looked each
  flagged gateway's position up with list.index over whole items, quadratic in the gateways.

    python benchmarks/bench_sweep.py [--sizes 1000,5000,20000,100000] [--eips 2000,4000,8000]
                                     [--nats 1000,2000,4000] [--runs 1]

Benchmarks print figures; no test asserts them (DESIGN.md).
"""

from __future__ import annotations

import argparse
import copy
import importlib.util
import os
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import orjson

REPO_ROOT = Path(__file__).resolve().parent.parent
FIXTURES = REPO_ROOT / "tests" / "fixtures" / "resources" / "aws"


def _bench_breakdown() -> Any:
    """benchmarks/bench_breakdown.py, for its timer (one timer for all benchmarks)."""
    spec = importlib.util.spec_from_file_location("bench_breakdown", Path(__file__).with_name("bench_breakdown.py"))
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_breakdown"] = module  # its dataclass looks itself up there
    spec.loader.exec_module(module)
    return module


def load_fixtures(only: str | None = None) -> dict[str, dict[str, Any]]:
    """Fixture plans by folder name (resources/aws/<name>/plan.json), or just `only`."""
    plans: dict[str, dict[str, Any]] = {}
    for path in sorted(FIXTURES.glob("*/plan.json")):
        if only is None or path.parent.name == only:
            document = orjson.loads(path.read_bytes())
            if document.get("resource_changes"):
                plans[path.parent.name] = document
    return plans


def _call_name(name: str) -> str:
    return "fx_" + "".join(c if c.isalnum() else "_" for c in name)


def build_plan(fixtures: Mapping[str, Mapping[str, Any]], copies: int) -> dict[str, Any]:
    """One plan holding `copies` instances of every fixture, each as `module.fx_<name>["kNNNNN"]`."""
    changes: list[dict[str, Any]] = []
    calls: dict[str, Any] = {}
    providers: dict[str, Any] = {}
    for name, plan in fixtures.items():
        call = _call_name(name)
        root = plan.get("configuration", {}).get("root_module", {})
        calls[call] = {"source": f"./{name}", "for_each_expression": {"references": ["local.keys"]}, "module": root}
        for key, value in plan.get("configuration", {}).get("provider_config", {}).items():
            providers.setdefault(key, value)
        for i in range(copies):
            prefix = f'module.{call}["k{i:05d}"]'
            for rc in plan["resource_changes"]:
                new = dict(rc)  # attributes are shared between copies: read-only for costgate
                new["address"] = f"{prefix}.{rc['address']}"
                new["module_address"] = f"{prefix}.{rc['module_address']}" if rc.get("module_address") else prefix
                changes.append(new)
    first = next(iter(fixtures.values()))
    return {
        "format_version": first.get("format_version", "1.2"),
        "terraform_version": first.get("terraform_version", "1.11.4"),
        "planned_values": {"root_module": {}},
        "resource_changes": changes,
        "configuration": {"provider_config": copy.deepcopy(providers), "root_module": {"module_calls": calls}},
        "applyable": True,
        "complete": True,
        "errored": False,
    }


def copies_for(fixtures: Mapping[str, Mapping[str, Any]], target: int, rtype: str | None = None) -> int:
    """How many copies reach `target` resources (or `target` resources of type `rtype`)."""
    per_copy = sum(
        1 for plan in fixtures.values() for rc in plan["resource_changes"] if rtype is None or rc.get("type") == rtype
    )
    return max(1, round(target / per_copy))


SWEEPS = {
    "mixed": (None, None, "breakdown"),
    "eip": ("eip", "aws_eip", "breakdown"),
    "nat": ("nat_gateway", "aws_nat_gateway", "check"),
}
"""kind -> (the one fixture it copies or None for all, the type it counts, the command it times)."""


def write_plan(kind: str, size: int, path: Path) -> None:
    """Build the `kind` plan (SWEEPS) of `size` resources (or of the counted type) and write it to `path`."""
    only, rtype, _ = SWEEPS[kind]
    fixtures = load_fixtures(only)
    copies = copies_for(fixtures, size, rtype)
    plan = build_plan(fixtures, copies)
    path.write_bytes(orjson.dumps(plan))
    print(len(plan["resource_changes"]))


def _measure(
    bench: Any, kind: str, size: int, folder: Path, runs: int, env: dict[str, str], *, show: bool = True
) -> None:
    """Time one plan size (`show`: print its row; the warm-up's is not). The plan is built in a
    child process: a child's peak RSS counts the memory of the process it was forked from, so this
    one must stay small."""
    label = f"{kind}-{size}"
    path = folder / f"{label}.json"
    made = subprocess.run(
        [sys.executable, __file__, "--write", kind, str(size), str(path)], check=True, capture_output=True, text=True
    )
    n = int(made.stdout)
    verb = SWEEPS[kind][2]
    command = [*bench.costgate_command(), verb, "--plan", str(path), "--format", "json"]
    results = [bench.run_once(command, env) for _ in range(max(1, runs))]
    ok = {0, 1} if verb == "check" else {0}  # check exits 1 when the gate blocks
    bad = [r for r in results if r.exit_code not in ok]
    if bad:
        print(f"{label}: costgate exited {bad[0].exit_code}: {bad[0].stderr.strip()[-400:]}")
        return
    wall = statistics.median(r.seconds for r in results)
    cpu = statistics.median(r.cpu_seconds for r in results)
    rss = max(r.peak_rss_mib for r in results)
    if not show:
        path.unlink()
        return
    print(
        f"| {label} | {n:,} | {path.stat().st_size / 1e6:.1f} MB | {cpu:.2f} s | {cpu / n * 1e6:.0f} µs |"
        f" {wall:.2f} s | {rss:.0f} MiB | {os.getloadavg()[0]:.1f} |",
        flush=True,
    )
    path.unlink()


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry point: prints one Markdown table row per plan size."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--sizes", default="1000,5000,20000,100000", help="resource counts of the mixed sweep")
    parser.add_argument("--eips", default="2000,4000,8000", help="Elastic IP counts of the EIP sweep")
    parser.add_argument("--nats", default="1000,2000,4000", help="NAT gateway counts of the check sweep (CG301)")
    parser.add_argument("--runs", type=int, default=1, help="runs per size (median; default 1)")
    parser.add_argument("--write", nargs=3, metavar=("KIND", "SIZE", "PATH"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.write:
        write_plan(args.write[0], int(args.write[1]), Path(args.write[2]))
        return 0
    if not FIXTURES.is_dir():
        print(f"bench_sweep: {FIXTURES} is absent; skipped")
        return 0
    bench = _bench_breakdown()
    print("| Plan | Resources | Size | CPU | CPU per resource | Wall | Peak RSS | Load avg |")
    print("|---|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory(prefix="costgate-sweep-") as tmp:
        folder = Path(tmp)
        env = {**os.environ, "COSTGATE_CATALOG_MAX_AGE_DAYS": "0", "COSTGATE_CACHE_DIR": str(folder / "cache")}
        # unshown: so that every row sees a warm catalog cache and compiled bytecode (the first
        # run compiles costgate into the temporary bytecode cache: 0.6 s)
        _measure(bench, "mixed", 500, folder, 1, env, show=False)
        for size in (int(s) for s in args.sizes.split(",") if s):
            _measure(bench, "mixed", size, folder, args.runs, env)
        for count in (int(s) for s in args.eips.split(",") if s):
            _measure(bench, "eip", count, folder, args.runs, env)
        for count in (int(s) for s in args.nats.split(",") if s):
            _measure(bench, "nat", count, folder, args.runs, env)
    return 0


if __name__ == "__main__":
    sys.exit(main())
