"""Canary runs a month from a Synthetics schedule expression (rate() only; cron() depends on usage)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from costgate.resources.aws.synthetics_canary import runs_a_month


@pytest.mark.parametrize(
    ("expression", "runs"),
    [
        ("rate(1 minute)", Decimal(43800)),
        ("rate(5 minutes)", Decimal(8760)),
        ("rate(1 hour)", Decimal(730)),
        ("rate(10 hours)", Decimal(73)),
        ("rate(1 day)", Decimal("30.41666666666666666666666667")),
        ("rate(0 minute)", Decimal(1)),  # runs once when started
    ],
)
def test_rate_schedules(expression: str, runs: Decimal) -> None:
    assert runs_a_month(expression) == runs


@pytest.mark.parametrize("expression", ["cron(0 2 * * ? *)", "", "rate(five minutes)", "rate(5 weeks)"])
def test_other_schedules_are_unknown(expression: str) -> None:
    assert runs_a_month(expression) is None
