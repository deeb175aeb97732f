"""Display rounding for money and quantities: the only place numbers are rounded."""

from __future__ import annotations

from contextvars import ContextVar
from decimal import ROUND_HALF_UP, Context, Decimal
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from costgate.estimate import Estimate

_WIDE = Context(prec=80)
"""Enough digits to round any amount a config or plan can hold (a cap of 1e30) to cents."""

SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥", "CNY": "CN¥", "INR": "₹", "KRW": "₩"}
"""Currencies shown with a symbol; any other is shown by its code ("CHF 1,234.56")."""
NO_MINOR_UNITS = frozenset({"JPY", "KRW", "ISK"})
"""Currencies with no minor unit (ISO 4217 exponent 0): amounts are shown in whole units."""
_DISPLAY: ContextVar[str] = ContextVar("costgate_display_currency", default="USD")


def set_display_currency(code: str) -> None:
    """The currency every amount of this run is shown in (the CLI sets it from the estimate's,
    docs/currency.md; each run starts with USD)."""
    _DISPLAY.set(code.upper())


def display_currency() -> str:
    """The currency amounts are shown in (ISO code)."""
    return _DISPLAY.get()


def symbol(code: str | None = None) -> str:
    """'$' for USD, '€' for EUR, 'CHF ' for codes without a symbol."""
    code = code or _DISPLAY.get()
    return SYMBOLS.get(code, f"{code} ")


def money(value: Decimal | None, *, signed: bool = False, currency: str | None = None) -> str:
    """$1,234.56 (or +$1,234.56 / -$12.00 when signed), in the display currency (¥1,235 for
    JPY); '-' for None. `currency` overrides the symbol.

    Kept per (amount, sign, currency, display currency): a big plan's tables show the same
    few hundred amounts tens of thousands of times (1.3 us to format, 0.2 us to find)."""
    if value is None:
        return "-"
    key = (value, signed, currency, _DISPLAY.get())
    shown = _SHOWN.get(key)
    if shown is None:
        if len(_SHOWN) >= _SHOWN_MAX:
            _SHOWN.clear()
        shown = _SHOWN[key] = _money(value, signed, currency)
    return shown


_SHOWN: dict[tuple[Decimal, bool, str | None, str], str] = {}
_SHOWN_MAX = 65536


def _money(value: Decimal, signed: bool, currency: str | None) -> str:
    places = Decimal(1) if _DISPLAY.get() in NO_MINOR_UNITS else Decimal("0.01")
    q = value.quantize(places, rounding=ROUND_HALF_UP, context=_WIDE)
    sign = "-" if q < 0 else ("+" if signed and q > 0 else "")
    shown = symbol() if currency is None else currency
    return f"{sign}{shown}{abs(q):,.{0 if places == 1 else 2}f}"


def currency_note(estimate: Estimate) -> str:
    """What every output's footer says about money: "USD", or the currency with its rate and date."""
    if estimate.exchange is None:
        return estimate.currency
    return estimate.exchange.describe()


SIGNIFICANT_DIGITS = 12
"""A unit price shows every digit its source gave, up to this many (a product of a price and a
fractional multiplier can have 28)."""


def unit_price(value: Decimal | None) -> str:
    """A unit price with the digits its source gave ($0.0225, $0.0000166667, $1.5365), at least cents."""
    if value is None:
        return "-"
    if value == 0:
        return f"{symbol()}0.00"
    digits = value.normalize().as_tuple()
    if len(digits.digits) > SIGNIFICANT_DIGITS:
        exponent = value.adjusted() - SIGNIFICANT_DIGITS + 1
        value = value.quantize(Decimal(1).scaleb(exponent), rounding=ROUND_HALF_UP, context=_WIDE)
    text = f"{value.normalize():,f}"
    whole, _, decimals = text.partition(".")
    return symbol() + whole + "." + decimals.ljust(2, "0")


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
