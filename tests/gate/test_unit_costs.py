"""Unit economics: cost per unit before and after, its change, unit cost budgets, the Rego
input and the pull-request comment line."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from costgate.gate.engine import evaluate
from costgate.gate.model import Severity
from costgate.gate.rego import input_document
from costgate.gate.rule import RuleContext
from costgate.gate.unit_costs import compute_unit_costs
from costgate.report.markdown import render_markdown
from tests.gate.helpers import config, estimate, resource

METRICS = """
unit_metrics:
  - name: requests
    monthly_value: 12000000
    per: 1000
  - name: monthly_active_users
    monthly_value: 50000
    project: other
"""


def _est():  # type: ignore[no-untyped-def]
    # 4,920 -> 5,640 a month over 12,000 thousands of requests: $0.41 -> $0.47 per 1,000
    return estimate(resource("aws_instance.a", "4000", "4000"), resource("aws_instance.b", "920", "1640"))


def test_cost_per_unit_and_change(tmp_path: Path) -> None:
    units = compute_unit_costs(_est(), config(METRICS, tmp_path).config.unit_metrics)
    requests, users = units
    assert requests.before == Decimal("0.41") and requests.after == Decimal("0.47")
    assert requests.change_percent is not None and round(requests.change_percent, 2) == Decimal("14.63")
    assert requests.display == "per 1,000 requests" and requests.scope == "organisation"
    assert not users.found and users.after is None  # its project is not in this estimate


def test_comment_shows_the_unit_cost_line(tmp_path: Path) -> None:
    loaded = config(METRICS, tmp_path)
    result = evaluate(_est(), loaded, today=date(2026, 6, 1))
    text = render_markdown(_est(), gate=result)
    assert "- cost per 1,000 requests $0.41 → $0.47, +15%" in text
    assert "- cost per monthly active user: no cost in scope \\(project other is not in this estimate\\)" in text


BUDGET = (
    METRICS
    + """
budgets:
  - name: unit-cap
    unit_metric: requests
    max_unit_cost: 0.45
  - name: unit-rise
    unit_metric: requests
    max_unit_cost_increase_percent: 10
    severity: warn
"""
)


def test_unit_cost_budgets(tmp_path: Path) -> None:
    result = evaluate(_est(), config(BUDGET, tmp_path), today=date(2026, 6, 1))
    found = {f.code: f for f in result.findings if f.source == "budget"}
    assert found["budget:unit-cap"].name == "unit-cost-limit" and found["budget:unit-cap"].severity is Severity.BLOCK
    assert "crosses its cap of $0.45" in found["budget:unit-cap"].message
    assert found["budget:unit-rise"].severity is Severity.WARN and "rises 14.6%" in found["budget:unit-rise"].message
    status = {b.name: b.status for b in result.budgets}
    assert status == {"unit-cap": "crossed", "unit-rise": "increase_limit"}


def test_lower_unit_cost_never_fails(tmp_path: Path) -> None:
    cheaper = estimate(resource("aws_instance.a", "4000", "4000"), resource("aws_instance.b", "1640", "920"))
    result = evaluate(cheaper, config(BUDGET, tmp_path), today=date(2026, 6, 1))
    assert not [f for f in result.findings if f.source == "budget"]


def test_rego_input_has_unit_costs(tmp_path: Path) -> None:
    est = _est()
    units = compute_unit_costs(est, config(METRICS, tmp_path).config.unit_metrics)
    ctx = RuleContext(estimate=est, book=None, owners={}, production={}, scope="all")
    doc = input_document(ctx, est, {}, units)
    assert doc["unit_costs"]["requests"]["prior_cost_per_unit"] == 0.41
    assert doc["unit_costs"]["requests"]["proposed_cost_per_unit"] == 0.47
    assert doc["unit_costs"]["monthly_active_users"]["proposed_cost_per_unit"] is None


UNIT_REGO = """package unit

deny contains msg if {
	u := input.unit_costs.requests
	u.proposed_cost_per_unit > 0.45
	msg := sprintf("cost %s is %.2f, was %.2f", [u.display, u.proposed_cost_per_unit, u.prior_cost_per_unit])
}
"""


def test_a_rego_policy_limits_a_unit_cost(tmp_path: Path) -> None:
    (tmp_path / "unit.rego").write_text(UNIT_REGO)
    result = evaluate(
        _est(), config(METRICS + "policies:\n  rego:\n    - path: unit.rego\n", tmp_path), today=date(2026, 6, 1)
    )
    rego = [(f.code, f.severity, f.message) for f in result.findings if f.source == "rego"]
    assert rego == [("rego:unit", Severity.BLOCK, "cost per 1,000 requests is 0.47, was 0.41")]
