#!/usr/bin/env python3
"""How often HCL mode agrees with Terraform: every oracle case priced from its .tf and its plan.

For every case in ../shared/corpus/oracle/aws (main.tf, and plan.json that Terraform 1.11 made
from it) the case is read twice, by HclReader from the directory and by PlanJsonReader from
the plan, and both are priced by the same pricers with the case's usage file. A resource
agrees when both modes list its address and give it the same fixed-price components (catalog
query and monthly quantity; components that depend on usage are left out, as are names).
The figure is agreeing resources over all addresses either mode lists.

    python scripts/hcl_agreement.py [--differences] [--json] [--all-components]

docs/hcl-evaluation.md explains every difference; tests/iac/hcl/test_agreement.py holds the figure.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from costgate.estimate import _context_map  # noqa: E402
from costgate.iac.base import ReadResult  # noqa: E402
from costgate.iac.hcl import HclReader  # noqa: E402
from costgate.iac.plan_json import PlanJsonReader  # noqa: E402
from costgate.iac.usage_file import UsageFile, load_usage_file  # noqa: E402
from costgate.model import Resource  # noqa: E402
from costgate.resources.base import PricingContext, Usage  # noqa: E402
from costgate.resources.registry import pricer_for  # noqa: E402

ORACLE = REPO.parent / "shared" / "corpus" / "oracle" / "aws"


@dataclass
class Difference:
    """One resource on which the two modes differ."""

    case: str
    address: str
    what: str


@dataclass
class Agreement:
    """Totals over every case."""

    resources: int = 0
    agreeing: int = 0
    cases: int = 0
    differences: list[Difference] = field(default_factory=list)

    @property
    def share(self) -> float:
        """Agreeing resources over all resources (1.0 when there are none)."""
        return self.agreeing / self.resources if self.resources else 1.0


def fixed_components(
    result: ReadResult, usage: UsageFile | None, *, every: bool = False
) -> dict[str, list[tuple[str, str]]]:
    """Address -> sorted (query, quantity) of every component that does not depend on usage
    (`every`: of every component, usage-based ones and quantity ranges included)."""
    by_address = _context_map(result.resources)
    out: dict[str, list[tuple[str, str]]] = {}
    extra: list[Resource] = usage.usage_only_resources()[0] if usage else []
    for resource in [*result.resources, *extra]:
        if not resource.action.exists_after:
            continue
        pricer = pricer_for(resource.type)
        components: list[tuple[str, str]] = []
        if pricer is not None:
            ctx = PricingContext(
                usage=usage.for_resource(resource) if usage else Usage(),
                resources=by_address,
                usage_of=usage.for_resource if usage else lambda _r: Usage(),
            )
            for c in pricer.price(resource, ctx):
                if c.usage_based and not every:
                    continue
                quantity = "usage" if c.monthly_quantity is None else str(c.monthly_quantity)
                if every:
                    quantity += f" {c.name} {c.quantity_range}"
                components.append((c.query.describe(), quantity))
        out[resource.address] = sorted(components)
    return out


def compare_case(case: Path, *, every: bool = False) -> tuple[int, int, list[Difference]]:
    """(resources, agreeing, differences) for one oracle case (`every`: all components)."""
    usage_path = case / "usage.yml"
    usage = load_usage_file(usage_path) if usage_path.exists() else None
    plan = fixed_components(PlanJsonReader().read(case / "plan.json"), usage, every=every)
    hcl_result = HclReader(env={}).read(case)
    hcl = fixed_components(hcl_result, usage, every=every)
    differences: list[Difference] = []
    addresses = sorted(set(plan) | set(hcl))
    agreeing = 0
    for address in addresses:
        if address not in hcl:
            differences.append(Difference(case.name, address, "missing in HCL mode"))
        elif address not in plan:
            differences.append(Difference(case.name, address, "only in HCL mode"))
        elif plan[address] != hcl[address]:
            only_plan = [c for c in plan[address] if c not in hcl[address]]
            only_hcl = [c for c in hcl[address] if c not in plan[address]]
            differences.append(Difference(case.name, address, f"plan {only_plan} vs HCL {only_hcl}"))
        else:
            agreeing += 1
    return len(addresses), agreeing, differences


def measure(cases: Iterable[Path], *, every: bool = False) -> Agreement:
    """Compare every case."""
    total = Agreement()
    for case in cases:
        resources, agreeing, differences = compare_case(case, every=every)
        total.cases += 1
        total.resources += resources
        total.agreeing += agreeing
        total.differences.extend(differences)
    return total


def oracle_cases() -> list[Path]:
    """Every oracle case that has both a main.tf and a plan.json."""
    if not ORACLE.is_dir():
        return []
    return sorted(p for p in ORACLE.iterdir() if (p / "plan.json").is_file() and (p / "main.tf").is_file())


def main(argv: list[str] | None = None) -> int:
    """Print the agreement figure (and the differences with --differences)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--differences", action="store_true", help="list every resource that differs")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.add_argument(
        "--all-components", action="store_true", help="compare usage-based components (names, quantity ranges) too"
    )
    args = parser.parse_args(argv)
    cases = oracle_cases()
    if not cases:
        print(f"no oracle cases under {ORACLE}", file=sys.stderr)
        return 2
    result = measure(cases, every=args.all_components)
    if args.json:
        payload: dict[str, Any] = {
            "cases": result.cases,
            "resources": result.resources,
            "agreeing": result.agreeing,
            "share": round(result.share, 4),
            "differences": [d.__dict__ for d in result.differences],
        }
        print(json.dumps(payload, indent=2))
        return 0
    print(
        f"HCL mode agrees with Terraform's plan on {result.agreeing} of {result.resources} resources "
        f"({result.share:.1%}) across {result.cases} cases"
    )
    if args.differences:
        for d in result.differences:
            print(f"  {d.case}  {d.address}: {d.what}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
