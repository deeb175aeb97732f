"""Make plans of examples/basic in other regions with real Terraform, for the --fetch-prices tests.

Why: the shipped catalog holds few regions; `--fetch-prices missing` must price a plan in a
region it lacks. The plans must be Terraform's own output (no hand edits), so this script copies
examples/basic to a temporary folder, changes only its region (the provider's `region` and the
availability zones), and plans it through scripts/make_fixtures.py's toolchain (local provider
mirror, mock credentials, -refresh=false). The result goes to tests/fixtures/regions/<region>/plan.json.

    python scripts/make_region_plans.py [eu-west-2 ap-northeast-2] [--check]

Without terraform or the mirror it says so and exits 0.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "scripts"))

from make_fixtures import FixtureError, generate_plan, toolchain  # noqa: E402

SOURCE = REPO / "examples" / "basic"
OUT = REPO / "tests" / "fixtures" / "regions"
REGIONS = ("eu-west-2", "ap-northeast-2")
SOURCE_REGION = "us-east-1"


def regional_copy(region: str, into: Path) -> Path:
    """examples/basic with every `us-east-1` (provider region, AZs us-east-1a/b) set to `region`."""
    work = into / "basic"
    shutil.copytree(SOURCE, work, ignore=shutil.ignore_patterns(".terraform*", "*.tfstate*", "plan.json", "*.bin"))
    for tf in work.rglob("*.tf"):
        text = tf.read_text(encoding="utf-8")
        tf.write_text(text.replace(f'"{SOURCE_REGION}', f'"{region}'), encoding="utf-8")
    return work


def main(argv: Sequence[str] | None = None) -> int:
    """Write (or with --check, compare) tests/fixtures/regions/<region>/plan.json."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("regions", nargs="*", default=list(REGIONS))
    parser.add_argument("--check", action="store_true", help="exit 1 when a committed plan differs")
    args = parser.parse_args(argv)
    status = 0
    with toolchain() as tc:
        if tc is None:
            print("make_region_plans: skipped, terraform or the provider mirror is absent")
            return 0
        for region in args.regions:
            with tempfile.TemporaryDirectory(prefix="costgate-region-") as tmp:
                try:
                    text = generate_plan(regional_copy(region, Path(tmp)), tc)
                except FixtureError as exc:
                    print(f"FAILED {region}\n{exc}", file=sys.stderr)
                    status = 1
                    continue
            target = OUT / region / "plan.json"
            old = target.read_text(encoding="utf-8") if target.is_file() else None
            if args.check:
                status |= int(old != text)
                print(f"{'ok   ' if old == text else 'STALE'} {target.relative_to(REPO)}")
            elif old != text:
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(text, encoding="utf-8")
                print(f"wrote {target.relative_to(REPO)}")
            else:
                print(f"same  {target.relative_to(REPO)}")
    return status


if __name__ == "__main__":
    sys.exit(main())
