"""Make the 20,000-resource benchmark plan from ../shared/bench/scale with the local Terraform.

The plan is too big to commit (47 MB), so it is made here, once, into a cache folder outside
the repo (~/.cache/costgate-bench/scale-<groups>/plan.json) and reused while the config is
unchanged. Terraform and the provider mirror are found as scripts/make_fixtures.py finds them;
without them the script says so and exits 0.

    python benchmarks/make_scale_plan.py [--groups 50]      # prints the plan's path
    python benchmarks/bench_breakdown.py --plan "$(python benchmarks/make_scale_plan.py)"
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import shutil
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
SCALE = REPO_ROOT.parent / "shared" / "bench" / "scale"
CACHE = Path.home() / ".cache" / "costgate-bench"


def _make_fixtures():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("make_fixtures", REPO_ROOT / "scripts" / "make_fixtures.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["make_fixtures"] = module
    spec.loader.exec_module(module)
    return module


def config_digest() -> str:
    """A digest of the config's files, so an edited config makes a new plan."""
    h = hashlib.sha256()
    for path in sorted(SCALE.rglob("*.tf")):
        h.update(path.relative_to(SCALE).as_posix().encode() + b"\0" + path.read_bytes())
    return h.hexdigest()[:12]


def main(argv: list[str] | None = None) -> int:
    """Make (or reuse) the plan and print its path on stdout; progress goes to stderr."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--groups", type=int, default=50, help="groups of 40 services x 10 resources (default 50: 20,000)")
    args = ap.parse_args(argv)
    if not SCALE.is_dir():
        print(f"make_scale_plan: {SCALE} is absent; nothing to make", file=sys.stderr)
        return 0
    target = CACHE / f"scale-{args.groups}-{config_digest()}" / "plan.json"
    if target.is_file():
        print(target)
        return 0
    mf = _make_fixtures()
    with mf.toolchain() as tc:
        if tc is None:
            print("make_scale_plan: terraform or the provider mirror is absent; skipped", file=sys.stderr)
            return 0
        with tempfile.TemporaryDirectory(prefix="costgate-scale-") as tmp:
            work = Path(tmp) / "scale"
            shutil.copytree(SCALE, work)
            start = time.monotonic()
            mf._run(tc, ["init", "-input=false", "-no-color"], cwd=work)
            mf._run(
                tc,
                ["plan", "-refresh=false", "-input=false", "-no-color", f"-var=groups={args.groups}", "-out=plan.bin"],
                cwd=work,
            )
            print(f"make_scale_plan: planned in {time.monotonic() - start:.0f} s", file=sys.stderr)
            text = mf._run(tc, ["show", "-json", "plan.bin"], cwd=work)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".tmp")
    partial.write_text(text, encoding="utf-8")
    partial.replace(target)
    print(target)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
