"""Display rounding for money and quantities: the only place numbers are rounded."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal


def money(value: Decimal | None, *, signed: bool = False, currency: str = "$") -> str:
    """$1,234.56 (or +$1,234.56 / -$12.00 when signed); '-' for None."""
    if value is None:
        return "-"
    q = value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    sign = "-" if q < 0 else ("+" if signed and q > 0 else "")
    return f"{sign}{currency}{abs(q):,.2f}"


def unit_price(value: Decimal | None) -> str:
    """A unit price with enough digits to be useful ($0.0000166667)."""
    if value is None:
        return "-"
    if value == 0:
        return "$0.00"
    if abs(value) >= 1:
        text = f"{value.quantize(Decimal('0.001'), rounding=ROUND_HALF_UP):,}".rstrip("0")
        decimals = len(text.partition(".")[2])
        return "$" + (text + "0" * (2 - decimals) if decimals < 2 else text)
    text = f"{value:.10f}".rstrip("0")
    decimals = len(text.partition(".")[2])
    return "$" + (text + "0" * (2 - decimals) if decimals < 2 else text)


def quantity(value: Decimal | None) -> str:
    """A monthly quantity, grouped, up to 4 decimals; 'usage' when unknown."""
    if value is None:
        return "depends on usage"
    q = value.quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP).normalize()
    if q == q.to_integral():
        return f"{int(q):,}"
    return f"{q:,f}"


def percent(value: Decimal | None) -> str:
    """+18% style; empty when None."""
    if value is None:
        return ""
    q = value.quantize(Decimal("1"), rounding=ROUND_HALF_UP)
    return f"{'+' if q > 0 else ''}{q}%"
