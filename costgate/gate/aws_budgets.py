"""Current spend from AWS Budgets: limit, actual and forecast spend of a named budget.

Read through boto3's DescribeBudgets (the account's budgets, paged), so a budget kept in
AWS is the single source of truth and costgate.yml only names it. Credentials come from the
usual boto3 chain; costgate never prints them. Any AWS failure is a ConfigError naming the
budget, so the gate never silently falls back to another number.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

import boto3  # type: ignore[import-untyped]
from botocore.exceptions import BotoCoreError, ClientError  # type: ignore[import-untyped]

from costgate.config.model import AwsBudgetSource
from costgate.errors import ConfigError


@dataclass(frozen=True, slots=True)
class AwsBudget:
    """What AWS Budgets says about one budget (USD a month)."""

    name: str
    limit: Decimal | None
    actual: Decimal | None
    forecast: Decimal | None


def _amount(block: Any) -> Decimal | None:
    if not isinstance(block, dict) or "Amount" not in block:
        return None
    try:
        return Decimal(str(block["Amount"]))
    except InvalidOperation:
        return None


def fetch_budget(source: AwsBudgetSource, *, where: str, session: Any = None) -> AwsBudget:
    """Find `source.budget_name` with DescribeBudgets; raises ConfigError (with `where`) on failure."""
    sess = session or boto3.session.Session()
    try:
        account = source.account_id or sess.client("sts", region_name=source.region).get_caller_identity()["Account"]
        client = sess.client("budgets", region_name=source.region)
        token: str | None = None
        while True:
            kwargs: dict[str, Any] = {"AccountId": account, "MaxResults": 100}
            if token:
                kwargs["NextToken"] = token
            page = client.describe_budgets(**kwargs)
            for budget in page.get("Budgets", []):
                if budget.get("BudgetName") == source.budget_name:
                    spend = budget.get("CalculatedSpend") or {}
                    return AwsBudget(
                        name=source.budget_name,
                        limit=_amount(budget.get("BudgetLimit")),
                        actual=_amount(spend.get("ActualSpend")),
                        forecast=_amount(spend.get("ForecastedSpend")),
                    )
            token = page.get("NextToken")
            if not token:
                break
    except (ClientError, BotoCoreError) as exc:
        raise ConfigError(f"AWS Budgets: cannot read budget {source.budget_name!r}: {exc}", path=where) from exc
    raise ConfigError(f"AWS Budgets: account {account} has no budget named {source.budget_name!r}", path=where)
