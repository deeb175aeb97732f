"""Every pricer fixture: a plan made by Terraform from main.tf, priced by the real reader and
pricer, compared with expected.yaml. Where Terraform cannot make a plan (Azure and Google
providers are not installable here) the fixture has no plan.json and HCL mode reads main.tf.

expected.yaml records what to look up and how much (not dollars), so a catalog refresh does
not change it; the test also checks that the shipped catalog answers every query, unless the
component is marked `unpriced: <reason>`. Resources not listed must yield no components.

    resources:
      aws_nat_gateway.main:
        - name: NAT gateway
          unit: hours
          monthly_quantity: 730            # null: depends on usage
          service: AmazonEC2
          family: NAT Gateway
          region: us-east-1
          attributes: {usagetype: NatGateway-Hours}
          catalog_unit: Hrs                # optional
          purchase_option: on_demand       # optional
          term: {}                         # optional
          path: ""                         # optional sub-resource path
        - name: Gateway                    # a line that costs nothing, with its reason
          no_charge: included in the Developer tier

Every priced resource must yield at least one line: a configuration with nothing to bill yields a
`no_charge` line (resources.base.no_charge) saying why, never nothing (a bare $0). A configuration
the pricer cannot price yet (a costgate gap; the estimate then shows a not-priced "No cost
components" line) is listed with its reason, so that the test fails when a new one appears and when
a listed one is fixed:

    gaps:
      aws_example.thing: why the pricer says nothing for it

A pricer that knows why it cannot price a configuration says so (resources.base.cannot_price):

        - name: Endpoint
          not_priced: its endpoint configuration is outside the plan
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from costgate.estimate import _context_map
from costgate.iac.base import ReadResult
from costgate.iac.hcl import HclReader
from costgate.iac.plan_json import PlanJsonReader
from costgate.iac.usage_file import load_usage_file
from costgate.model import CostComponent
from costgate.pricing.lookup import NoPrice, PriceBook
from costgate.pricing.store import CatalogStore
from costgate.resources.base import PricingContext, Usage
from costgate.resources.registry import pricer_for
from tests.helpers import load_yaml

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "resources"
CASES = sorted(p.parent for p in FIXTURES.glob("*/*/expected.yaml"))


@pytest.fixture(scope="module")
def book() -> PriceBook:
    return PriceBook(CatalogStore.open())


def _as_expected(c: CostComponent) -> dict[str, Any]:
    if c.no_charge:  # a known $0 with its reason: nothing to look up
        return {"name": c.name, "no_charge": c.no_charge, **({"path": c.path} if c.path else {})}
    if c.gap:  # not priced with its reason (base.cannot_price): nothing to look up
        return {"name": c.name, "not_priced": c.gap, **({"path": c.path} if c.path else {})}
    q = c.query
    out: dict[str, Any] = {
        "name": c.name,
        "unit": c.unit,
        "monthly_quantity": None if c.monthly_quantity is None else Decimal(c.monthly_quantity),
        "service": q.service,
        "family": q.product_family,
        "region": q.region,
        "attributes": dict(q.attributes),
    }
    if q.unit is not None:
        out["catalog_unit"] = q.unit
    if q.purchase_option != "on_demand":
        out["purchase_option"] = q.purchase_option
    if q.term:
        out["term"] = dict(q.term)
    if c.path:
        out["path"] = c.path
    return out


def _normalise(exp: dict[str, Any]) -> dict[str, Any]:
    out = {k: v for k, v in exp.items() if k != "unpriced"}
    for kind in ("no_charge", "not_priced"):
        if kind in out:
            return {k: v for k, v in out.items() if k in ("name", kind, "path") and (k != "path" or v)}
    if out.get("monthly_quantity") is not None:
        out["monthly_quantity"] = Decimal(str(out["monthly_quantity"]))
    out["attributes"] = {str(k): str(v) for k, v in (out.get("attributes") or {}).items()}
    if "term" in out:
        out["term"] = {str(k): str(v) for k, v in out["term"].items()}
        if not out["term"]:
            del out["term"]
    if out.get("purchase_option") == "on_demand":
        del out["purchase_option"]
    if not out.get("path"):
        out.pop("path", None)
    return out


def _read_fixture(case: Path) -> ReadResult:
    """plan.json when Terraform made one; otherwise HCL mode on the directory's .tf files."""
    plan = case / "plan.json"
    if plan.exists():
        return PlanJsonReader().read(plan)
    if not any(case.glob("*.tf")):
        pytest.fail(f"{case}: neither plan.json nor main.tf; run scripts/make_fixtures.py {case}")
    return HclReader(env={}).read(case)


@pytest.mark.parametrize("case", CASES, ids=[f"{c.parent.name}/{c.name}" for c in CASES])
def test_pricer_fixture(case: Path, book: PriceBook) -> None:
    result = _read_fixture(case)
    expected = load_yaml((case / "expected.yaml").read_text()) or {}
    usage_path = case / "usage.yml"
    usage = load_usage_file(usage_path) if usage_path.exists() else None
    by_address = _context_map(result.resources)
    got: dict[str, list[dict[str, Any]]] = {}
    queries = []
    silent: list[str] = []  # priced resources with no line at all: a bare $0 (resources.base.no_charge says why)
    usage_only = usage.usage_only_resources()[0] if usage else []  # types declared only in usage files
    for r in [*result.resources, *usage_only]:
        pricer = pricer_for(r.type)
        if pricer is None or not r.action.exists_after:
            continue
        ctx = PricingContext(
            usage=usage.for_resource(r) if usage else Usage(),
            resources=by_address,
            usage_of=usage.for_resource if usage else lambda _r: Usage(),
        )
        comps = list(pricer.price(r, ctx))
        if not comps:
            silent.append(r.address)
        if comps:
            got[r.address] = [_as_expected(c) for c in comps]
            queries += [(r.address, c) for c in comps if not (c.no_charge or c.gap)]
    want = {addr: [_normalise(c) for c in comps] for addr, comps in (expected.get("resources") or {}).items()}
    gaps = expected.get("gaps") or {}  # known gaps, each with why: the estimate shows "No cost components"
    assert sorted(silent) == sorted(gaps), "priced resources with no cost line and no no_charge reason"
    assert got == want
    unpriced_ok = {
        (addr, c["name"], c.get("path") or "")
        for addr, comps in (expected.get("resources") or {}).items()
        for c in comps
        if c.get("unpriced")
    }
    missing, stale = [], []
    for addr, comp in queries:
        answer = book.lookup(comp.query)
        if isinstance(answer, NoPrice) and (addr, comp.name, comp.path) not in unpriced_ok:
            missing.append(f"{addr} {comp.name}: {answer.reason} ({comp.query.describe()})")
        if not isinstance(answer, NoPrice) and (addr, comp.name, comp.path) in unpriced_ok:
            stale.append(f"{addr} {comp.name}")
    assert not missing, "catalog cannot price:\n" + "\n".join(missing)
    assert not stale, "marked unpriced but the catalog prices them (drop the mark):\n" + "\n".join(stale)
