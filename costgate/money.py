"""Display rounding for money and quantities: the only place numbers are rounded."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Context, Decimal

_WIDE = Context(prec=80)
"""Enough digits to round any amount a config or plan can hold (a cap of 1e30) to cents."""


def money(value: Decimal | None, *, signed: bool = False, currency: str = "$") -> str:
    """$1,234.56 (or +$1,234.56 / -$12.00 when signed); '-' for None."""
    if value is None:
        return "-"
    q = value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP, context=_WIDE)
    sign = "-" if q < 0 else ("+" if signed and q > 0 else "")
    return f"{sign}{currency}{abs(q):,.2f}"


SIGNIFICANT_DIGITS = 12
"""A unit price shows every digit its source gave, up to this many (a product of a price and a
fractional multiplier can have 28)."""


def unit_price(value: Decimal | None) -> str:
    """A unit price with the digits its source gave ($0.0225, $0.0000166667, $1.5365), at least cents."""
    if value is None:
        return "-"
    if value == 0:
        return "$0.00"
    digits = value.normalize().as_tuple()
    if len(digits.digits) > SIGNIFICANT_DIGITS:
        exponent = value.adjusted() - SIGNIFICANT_DIGITS + 1
        value = value.quantize(Decimal(1).scaleb(exponent), rounding=ROUND_HALF_UP, context=_WIDE)
    text = f"{value.normalize():,f}"
    whole, _, decimals = text.partition(".")
    return "$" + whole + "." + decimals.ljust(2, "0")


def quantity(value: Decimal | None) -> str:
    """A monthly quantity, grouped, up to 4 decimals; "-" when there is none.

    Whether a missing quantity "depends on usage" is the component's to say
    (PricedComponent.depends_on_usage), not this formatter's: an unpriced component has no
    quantity either, and is counted as not priced."""
    if value is None:
        return "-"
    q = value.quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP, context=_WIDE).normalize()
    if q == q.to_integral():
        return f"{int(q):,}"
    return f"{q:,f}"


def percent(value: Decimal | None) -> str:
    """+18% style; empty when None."""
    if value is None:
        return ""
    q = value.quantize(Decimal(1), rounding=ROUND_HALF_UP)
    return f"{'+' if q > 0 else ''}{q}%"


def decimal_text(value: Decimal) -> str:
    """Every digit, no exponent, no grouping, no '+': the exact text CSV and FOCUS files carry, so
    that a spreadsheet's or a query's sum of rows is the total to the last digit."""
    text = f"{value:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "", "-") else text


UNIT_COST_DIGITS = 3
"""Digits a unit cost below $1 keeps ($0.0000822 a request): cents would show $0.00."""


def unit_money(value: Decimal | None) -> str:
    """A unit cost: cents from $1 up, else three significant digits."""
    if value is None:
        return "-"
    if abs(value) >= 1 or value == 0:
        return money(value)
    exponent = value.adjusted() - UNIT_COST_DIGITS + 1
    q = value.quantize(Decimal(1).scaleb(exponent), rounding=ROUND_HALF_UP).normalize()
    return f"{'-' if q < 0 else ''}${abs(q):f}"
