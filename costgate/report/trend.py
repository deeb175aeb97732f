"""The cost trend a report shows, as plain values.

report/ sits below the ledger in the layer order, so it cannot read the ledger's types: the CLI
turns the ledger's monthly series (costgate.ledger.history) into these, and the HTML report draws
them. `Trend.months` are the total run-rate of all series at the end of each month.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True, slots=True)
class TrendSeries:
    """One project's (or team's) run-rate at the end of each month it existed (YYYY-MM)."""

    key: str
    months: tuple[tuple[str, Decimal], ...]


@dataclass(frozen=True, slots=True)
class Trend:
    """Where the history came from (a ledger label, no password) and its series."""

    source: str
    series: tuple[TrendSeries, ...] = ()

    @property
    def months(self) -> list[tuple[str, Decimal]]:
        """(month, total run-rate of every series that existed then), oldest first."""
        totals: dict[str, Decimal] = {}
        for s in self.series:
            for month, rate in s.months:
                totals[month] = totals.get(month, Decimal(0)) + rate
        return sorted(totals.items())
