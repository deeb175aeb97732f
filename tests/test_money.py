"""How amounts are shown: rounding, signs, symbols, and the same text from the memo of shown
amounts whatever the display currency was when an amount was first shown."""

from __future__ import annotations

import contextvars
from decimal import Decimal

import pytest

from costgate.money import money, set_display_currency


@pytest.mark.parametrize(
    ("value", "signed", "shown"),
    [
        (Decimal("1234.565"), False, "$1,234.57"),  # half up
        (Decimal("-12"), False, "-$12.00"),
        (Decimal("0.004"), True, "$0.00"),  # rounds to zero: no sign
        (Decimal("5"), True, "+$5.00"),
        (Decimal("-0"), True, "$0.00"),
        (None, False, "-"),
    ],
)
def test_amounts_round_half_up_with_their_sign(value: Decimal | None, signed: bool, shown: str) -> None:
    assert money(value, signed=signed) == shown
    assert money(value, signed=signed) == shown  # the second time from the memo


def test_the_display_currency_is_part_of_what_is_remembered() -> None:
    def shown_in(code: str) -> list[str]:
        set_display_currency(code)
        return [money(Decimal("1234.5")), money(Decimal("1234.50"), signed=True), money(Decimal("3"), currency="CHF ")]

    usd, jpy, eur = (contextvars.copy_context().run(shown_in, code) for code in ("USD", "JPY", "EUR"))
    assert usd == ["$1,234.50", "+$1,234.50", "CHF 3.00"]
    assert jpy == ["¥1,235", "+¥1,235", "CHF 3"]
    assert eur == ["€1,234.50", "+€1,234.50", "CHF 3.00"]
    assert contextvars.copy_context().run(shown_in, "USD") == usd
