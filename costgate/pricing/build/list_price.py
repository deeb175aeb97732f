"""List prices recovered from unit prices that were back-computed from rounded monthly figures.

Why: price_facts derives some unit prices as "monthly cost / monthly quantity" from tables that
print cents. An ALB hour listed at $0.0225 was printed as $16.43 for 730 hours, and comes back as
$0.02250684932: eleven digits nobody published, off by 0.03 %, and shown to users as a price. The
list price is the number AWS prints, which has few digits, so it is the shortest decimal whose
730-hour cost rounds to the printed cents.

How: a price with more than DERIVED_DIGITS significant digits is tested against the quantities a
month of hours gives (730 x 1..20 units). When price x quantity lands on a whole cent (within
what the source's own rounding allows), the printed cost c is known, the list price lies in
[(c - 0.005) / q, (c + 0.005) / q), and the shortest decimal in that interval is taken. A price
no such quantity explains is kept as it is (the build then still prefers another printing of the
same product with fewer digits).
"""

from __future__ import annotations

from decimal import ROUND_CEILING, Decimal

DERIVED_DIGITS = 8
"""Published list prices have at most this many significant digits; more means cost / quantity."""

LIST_DIGITS = 5
"""A recovered list price has at most this many significant digits (AWS: 0.0225, 0.1914)."""

HOURS_PER_MONTH = Decimal(730)
QUANTITIES = tuple(HOURS_PER_MONTH * k for k in range(1, 21))
"""Monthly quantities an hourly price was multiplied by: 730 hours for 1..20 units."""

_CENT = Decimal("0.01")
_HALF_CENT = Decimal("0.005")
_SLACK = Decimal("0.000001")
"""How far price x quantity may sit from a whole cent: the source rounds the derived price itself."""


def is_derived(price: Decimal) -> bool:
    """True when `price` has more significant digits than a published list price."""
    return len(price.normalize().as_tuple().digits) > DERIVED_DIGITS


def list_price(price: Decimal) -> Decimal:
    """The list price behind a back-computed unit price, or `price` itself when it is not one.

    Never raises; a non-positive price is returned unchanged.
    """
    if price <= 0 or not is_derived(price):
        return price
    for quantity in QUANTITIES:
        cost = price * quantity
        cents = cost.quantize(_CENT)
        if cents > 0 and abs(cost - cents) <= _SLACK:
            found = shortest_between((cents - _HALF_CENT) / quantity, (cents + _HALF_CENT) / quantity)
            # a list price has few digits; a long "shortest" one means the match was a coincidence
            return found if len(found.normalize().as_tuple().digits) <= LIST_DIGITS else price
    return price


def shortest_between(low: Decimal, high: Decimal) -> Decimal:
    """The decimal with the fewest decimal places in [low, high) (the smallest such, on a tie)."""
    for places in range(0, 16):
        step = Decimal(1).scaleb(-places)
        candidate = (low / step).to_integral_value(rounding=ROUND_CEILING) * step
        if candidate < high:
            return candidate
    return low
