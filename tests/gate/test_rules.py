"""Every built-in rule on a plan made by Terraform: which addresses fire, which stay silent,
and the monthly saving.

Each tests/fixtures/gate/<rule module>/ holds main.tf, plan.json (scripts/make_fixtures.py),
optionally usage.yml, and expected.yaml:

    rule: CG101
    config: {...}                 # optional costgate.yml content (environments, params)
    fires:
      aws_ebs_volume.gp2:
        saving:                   # null: the rule must report no saving
          - current: {service: AmazonEC2, family: Storage, region: us-east-1, attributes: {...}}
            alternative: {...}    # optional: absent when the resource is simply removed
            quantity: 100         # or current_quantity / alternative_quantity
    silent: [aws_ebs_volume.gp3]

A rule about a project rather than a resource (CG908) fires on `project:<name>`, may give the
exact `message`, and reads `history` (the ledger's past changes of the plan's project:
`deltas`, one every three days up to the day before TODAY, its `run_rate` and `team`).

The expected saving is computed here, independently of the rule: both queries are looked up
in the shipped catalog at test time and (current price x quantity - alternative price x
quantity) is summed; a term whose price the catalog lacks makes the expected saving None,
and so does a total of zero or less (a rule never reports a negative saving).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from costgate.estimate import Estimate
from costgate.gate.anomaly import CostHistory, PastChange
from costgate.gate.engine import evaluate
from costgate.gate.references import parse_checked_config as parse_config
from costgate.gate.registry import rules
from costgate.iac.usage_file import load_usage_file
from costgate.model import PriceQuery
from costgate.pipeline import estimate_plans
from costgate.pricing.lookup import NoPrice, PriceBook
from costgate.pricing.store import CatalogStore
from tests.helpers import dump_yaml, load_yaml

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "gate"
CASES = sorted(p.parent for p in FIXTURES.glob("*/expected.yaml"))
TODAY = date(2026, 6, 1)


@pytest.fixture(scope="module")
def store() -> CatalogStore:
    return CatalogStore.open()


def _query(spec: dict[str, Any]) -> PriceQuery:
    return PriceQuery.of(
        "aws",
        spec["service"],
        spec.get("family"),
        spec["region"],
        {str(k): str(v) for k, v in spec.get("attributes", {}).items()},
        unit=spec.get("unit"),
    )


def _price(book: PriceBook, spec: dict[str, Any]) -> Decimal | None:
    found = book.lookup(_query(spec))
    return None if isinstance(found, NoPrice) else found.unit_price


def expected_saving(terms: list[dict[str, Any]] | None, book: PriceBook) -> Decimal | None:
    """Sum of (current price x quantity - alternative price x quantity) over the terms."""
    if terms is None:
        return None
    total = Decimal(0)
    for term in terms:
        current = _price(book, term["current"])
        if current is None:
            return None
        total += current * Decimal(str(term.get("current_quantity", term.get("quantity"))))
        if "alternative" in term:
            alternative = _price(book, term["alternative"])
            if alternative is None:
                return None
            total -= alternative * Decimal(str(term.get("alternative_quantity", term.get("quantity"))))
    return total if total > 0 else None


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name)
def test_rule_fixture(case: Path, store: CatalogStore, tmp_path: Path) -> None:
    expected = load_yaml((case / "expected.yaml").read_text())
    rule = rules()[expected["rule"]]
    assert rule.name.replace("-", "_") == case.name, "fixture folder is named after the rule module"
    config = tmp_path / "costgate.yml"
    config.write_text(dump_yaml(expected.get("config") or {}))
    loaded = parse_config(config.read_text(), config)
    usage = load_usage_file(case / "usage.yml") if (case / "usage.yml").is_file() else None
    estimate = estimate_plans(
        [case / "plan.json"],
        store=store,
        usage=usage.for_resource if usage else None,
        usage_only=usage.usage_only() if usage else None,
    )
    book = PriceBook(store)
    result = evaluate(estimate, loaded, book=book, today=TODAY, history=_history(expected.get("history"), estimate))

    fired = {f.address or f"project:{f.project}": f for f in result.findings if f.code == rule.code}
    addresses = {rc.address for p in estimate.projects for rc in p.resources}
    assert set(fired) == set(expected["fires"])
    for address in expected["silent"]:
        assert address in addresses, f"silent address {address} is not in the plan"
        assert address not in fired
    for address, spec in expected["fires"].items():
        want = expected_saving(spec.get("saving"), book)
        got = fired[address].monthly_saving
        if want is None:
            assert got is None, f"{address}: expected no saving, got {got}"
        else:
            assert got is not None and abs(got - want) < Decimal("0.000001"), (
                f"{address}: saving {got}, expected {want}"
            )
        if "message" in spec:
            assert fired[address].message == spec["message"]
        assert fired[address].severity is rule.severity, "no config in the fixtures changes a severity"


def _history(spec: dict[str, Any] | None, estimate: Estimate) -> CostHistory | None:
    """The ledger's view of the plan's (single) project, as expected.yaml describes it."""
    if spec is None:
        return None
    [project] = [p.name for p in estimate.projects]
    end = datetime(TODAY.year, TODAY.month, TODAY.day, tzinfo=UTC)
    deltas = [Decimal(str(d)) for d in spec["deltas"]]
    rate = Decimal(str(spec["run_rate"])) - sum(deltas, Decimal(0))
    changes = []
    for i, delta in enumerate(deltas):
        when = end - timedelta(days=1 + 3 * (len(deltas) - 1 - i))
        changes.append(PastChange(project, spec.get("team"), when, delta, rate, rate + delta))
        rate += delta
    return CostHistory(tuple(changes), {project: rate}, {project: spec.get("team")}, end)


def test_every_rule_has_a_fixture() -> None:
    names = {c.name for c in CASES}
    missing = [r.code for r in rules().values() if r.name.replace("-", "_") not in names]
    assert not missing


def test_some_savings_are_checked_against_the_catalog() -> None:
    """Guard against a table where every saving is null: most priced rules must show one."""
    with_terms = [c.name for c in CASES if "current:" in (c / "expected.yaml").read_text()]
    assert len(with_terms) >= 15
