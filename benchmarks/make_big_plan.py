"""Scale a Terraform-made plan up to a target size (300 MB by default) for the big-plan benchmark.

Why synthesise: Terraform needs hours and tens of GB to plan 260,000 resources, and what the
benchmark asks is how costgate's time and memory grow with the plan, not Terraform's. So this
takes a real plan (the 20,000-resource plan of make_scale_plan.py) and copies every module
instance k times under new instance keys (`module.svc["svc-00-00"]` becomes
`module.svc["c01/svc-00-00"]`, ...) in resource_changes and planned_values, so each copy keeps
its real attributes, actions and unknowns; the configuration stays as Terraform wrote it (it is
per module call, not per instance). Resources outside modules are copied once. Written to the
cache folder outside the repo, next to the source plan.

    python benchmarks/make_big_plan.py [--plan PATH] [--mb 300]     # prints the new plan's path
    python benchmarks/bench_breakdown.py --plan "$(python benchmarks/make_big_plan.py)" --runs 1
"""

from __future__ import annotations

import argparse
import math
import sys
from pathlib import Path
from typing import Any

import orjson

CACHE = Path.home() / ".cache" / "costgate-bench"


def default_plan() -> Path | None:
    """The newest 20,000-resource plan make_scale_plan.py left in the cache, or None."""
    plans = sorted(CACHE.glob("scale-*/plan.json"), key=lambda p: p.stat().st_mtime)
    return plans[-1] if plans else None


def _renamed(address: str, copy: int) -> str | None:
    """`module.svc["k"].x` -> `module.svc["cNN/k"].x`; None for addresses outside a keyed module."""
    if not address.startswith("module.") or '["' not in address:
        return None
    head, _, rest = address.partition('["')
    return f'{head}["c{copy:02d}/{rest}'


def _copy_change(rc: dict[str, Any], copy: int) -> dict[str, Any] | None:
    address = rc.get("address")
    new = _renamed(address, copy) if isinstance(address, str) else None
    if new is None:
        return None
    out = dict(rc, address=new)
    module = rc.get("module_address")
    if isinstance(module, str):
        out["module_address"] = _renamed(module, copy) or module
    return out


def _copy_module(module: dict[str, Any], copy: int) -> dict[str, Any] | None:
    address = module.get("address")
    new = _renamed(address, copy) if isinstance(address, str) else None
    if new is None:
        return None
    out = dict(module, address=new)
    out["resources"] = [
        dict(r, address=_renamed(r["address"], copy) or r["address"]) for r in module.get("resources", [])
    ]
    out["child_modules"] = [
        c for c in (_copy_module(c, copy) for c in module.get("child_modules", [])) if c is not None
    ]
    return out


def scale(document: dict[str, Any], copies: int) -> dict[str, Any]:
    """The plan with every keyed module instance present `copies` times (the original included)."""
    changes = list(document.get("resource_changes") or [])
    for copy in range(1, copies):
        changes.extend(
            c for c in (_copy_change(rc, copy) for rc in document.get("resource_changes") or []) if c is not None
        )
    out = dict(document, resource_changes=changes)
    planned = document.get("planned_values")
    if isinstance(planned, dict) and isinstance(planned.get("root_module"), dict):
        root = planned["root_module"]
        children = list(root.get("child_modules") or [])
        for copy in range(1, copies):
            children.extend(
                c for c in (_copy_module(m, copy) for m in root.get("child_modules") or []) if c is not None
            )
        out["planned_values"] = dict(planned, root_module=dict(root, child_modules=children))
    return out


def main(argv: list[str] | None = None) -> int:
    """Write the scaled plan and print its path (exit 0 with a message when there is no source plan)."""
    parser = argparse.ArgumentParser(description="Scale a plan JSON up to about --mb megabytes.")
    parser.add_argument("--plan", type=Path, help="source plan (default: make_scale_plan.py's cached plan)")
    parser.add_argument("--mb", type=float, default=300.0, help="target size in MB (default 300)")
    args = parser.parse_args(argv)
    source = args.plan or default_plan()
    if source is None:
        print("make_big_plan: no source plan; run benchmarks/make_scale_plan.py first", file=sys.stderr)
        return 0
    data = source.read_bytes()
    copies = max(1, math.ceil(args.mb * 1e6 / len(data)))  # at least --mb
    target = source.parent / f"plan-x{copies}.json"
    if not target.exists():
        scaled = orjson.dumps(scale(orjson.loads(data), copies))
        tmp = target.with_suffix(".tmp")
        tmp.write_bytes(scaled)
        tmp.replace(target)
    print(target)
    return 0


if __name__ == "__main__":
    sys.exit(main())
