"""Cost per unit of a business metric (the config's `unit_metrics:`), as plain values a report shows."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True, slots=True)
class UnitCostRow:
    """One unit metric's cost per unit before and after the change."""

    name: str
    display: str
    before: Decimal | None
    after: Decimal | None

    @property
    def change_percent(self) -> Decimal | None:
        """Relative change in percent; None when either side is unknown or before is zero."""
        if self.before is None or self.after is None or not self.before:
            return None
        return (self.after - self.before) / self.before * 100
