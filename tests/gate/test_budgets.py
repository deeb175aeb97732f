"""Budgets: crossed only when this change moves the total from under to over; warn
thresholds; per-change limits; current spend from the estimate, the config, or AWS Budgets
(DescribeBudgets, served by moto)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import boto3
import pytest
from moto import mock_aws

from costgate.errors import ConfigError
from costgate.gate.engine import evaluate
from costgate.gate.model import Severity, Verdict
from tests.gate.helpers import config, estimate, resource

TEAM = "teams:\n  - name: pay\n"


def run(tmp_path: Path, budget: str, *resources):  # type: ignore[no-untyped-def]
    loaded = config(TEAM + "budgets:\n  - name: b\n    team: pay\n" + budget, tmp_path)
    return evaluate(estimate(*resources), loaded, today=date(2026, 1, 1))


@pytest.mark.parametrize(
    ("before", "after", "status", "verdict"),
    [
        ("900", "1100", "crossed", Verdict.BLOCK),  # under -> over: crossed
        ("1100", "1200", "over", Verdict.WARN),  # already over: not "crossed"
        ("1100", "1000", "ok", Verdict.PASS),  # a saving never fails a budget
        ("700", "850", "warn", Verdict.WARN),  # 85% of the cap, warn at 80%
        ("700", "750", "ok", Verdict.PASS),  # 75%
        ("900", "1000", "warn", Verdict.WARN),  # exactly at the cap is not over
    ],
)
def test_cap(tmp_path: Path, before: str, after: str, status: str, verdict: Verdict) -> None:
    result = run(
        tmp_path,
        "    monthly_limit: 1000\n    warn_at_percent: 80\n",
        resource("aws_instance.a", before, after, tags={"team": "pay"}),
        resource("aws_instance.other", "5000", "9000", tags={"team": "else"}),
    )
    (budget,) = result.budgets
    assert (budget.status, result.verdict) == (status, verdict)
    assert budget.before == Decimal(before) and budget.after == Decimal(after)
    if status == "crossed":
        (finding,) = result.findings
        assert finding.code == "budget:b" and "crossed" in finding.message and finding.severity is Severity.BLOCK


def test_already_over_can_block(tmp_path: Path) -> None:
    result = run(
        tmp_path,
        "    monthly_limit: 1000\n    block_when_already_over: true\n",
        resource("aws_instance.a", "1100", "1200", tags={"team": "pay"}),
    )
    assert result.verdict is Verdict.BLOCK and result.budgets[0].status == "over"


@pytest.mark.parametrize(
    ("limits", "before", "after", "blocked"),
    [
        ("    max_increase: 100\n", "1000", "1101", True),
        ("    max_increase: 100\n", "1000", "1100", False),
        ("    max_increase_percent: 10\n", "1000", "1101", True),
        ("    max_increase_percent: 10\n", "1000", "1099", False),
        ("    max_increase_percent: 10\n", None, "50", False),  # nothing before: a percentage means nothing
    ],
)
def test_increase_limits(tmp_path: Path, limits: str, before: str | None, after: str, blocked: bool) -> None:
    result = run(tmp_path, limits, resource("aws_instance.a", before, after, tags={"team": "pay"}))
    assert (result.verdict is Verdict.BLOCK) is blocked
    if blocked:
        assert result.budgets[0].status == "increase_limit" and "per-change limit" in result.findings[0].message


def test_current_spend_from_config(tmp_path: Path) -> None:
    result = run(
        tmp_path,
        "    monthly_limit: 1000\n    current_spend: {source: config, amount: 950}\n",
        resource("aws_instance.a", None, "100", tags={"team": "pay"}),
    )
    (budget,) = result.budgets
    assert (budget.before, budget.after, budget.status) == (Decimal(950), Decimal(1050), "crossed")


def test_project_budget_and_severity(tmp_path: Path) -> None:
    loaded = config(
        "projects:\n  - name: app\nbudgets:\n  - name: p\n    project: app\n    monthly_limit: 10\n    severity: warn\n",
        tmp_path,
    )
    result = evaluate(estimate(resource("aws_instance.a", "5", "20")), loaded, today=date(2026, 1, 1))
    assert result.budgets[0].status == "crossed" and result.verdict is Verdict.WARN


@mock_aws
def test_current_spend_from_aws_budgets(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    account = boto3.client("sts", region_name="us-east-1").get_caller_identity()["Account"]
    boto3.client("budgets", region_name="us-east-1").create_budget(
        AccountId=account,
        Budget={
            "BudgetName": "pay-aws",
            "BudgetLimit": {"Amount": "2000", "Unit": "USD"},
            "TimeUnit": "MONTHLY",
            "BudgetType": "COST",
            "CalculatedSpend": {
                "ActualSpend": {"Amount": "1900", "Unit": "USD"},
                "ForecastedSpend": {"Amount": "1950", "Unit": "USD"},
            },
        },
    )
    for use, before, status in (("actual", "1900", "warn"), ("forecast", "1950", "crossed")):
        result = run(
            tmp_path,
            f"    current_spend:\n      source: aws_budgets\n      aws_budget: {{budget_name: pay-aws, use: {use}}}\n",
            resource("aws_instance.a", None, "80", tags={"team": "pay"}),
        )
        (budget,) = result.budgets
        assert budget.limit == Decimal(2000), "the cap comes from AWS when the config gives none"
        assert budget.before == Decimal(before) and budget.status == status
    with pytest.raises(ConfigError, match="no budget named 'missing'") as info:
        run(
            tmp_path,
            "    current_spend:\n      source: aws_budgets\n      aws_budget: {budget_name: missing}\n",
            resource("aws_instance.a", None, "80", tags={"team": "pay"}),
        )
    assert "costgate.yml:" in str(info.value)
