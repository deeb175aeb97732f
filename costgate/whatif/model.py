"""What `costgate whatif` found, as plain values the renderers in report/ show."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from costgate.estimate import Estimate
from costgate.whatif.regions import TargetRegion


@dataclass(frozen=True, slots=True)
class Kept:
    """A resource priced where it is in every region compared, with the reason."""

    project: str
    address: str
    reason: str


@dataclass(frozen=True, slots=True)
class Unpriced:
    """A component the catalog could not price in one region, with the reason and the way to a price."""

    project: str
    address: str
    component: str
    reason: str
    hint: str = ""


@dataclass(frozen=True, slots=True)
class SwapLine:
    """One resource's instance-family swap in one region: the types before and after and the monthly
    saving (negative: the swap costs more), or, when no swap could be priced, the reason."""

    project: str
    address: str
    old: tuple[str, ...]
    new: tuple[str, ...] = ()
    saving: Decimal | None = None
    reason: str = ""

    @property
    def made(self) -> bool:
        """True when the swapped types were priced (and so the saving is known)."""
        return self.saving is not None


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A built-in rule's finding with a saving: one more what-if line ("gp2 -> gp3 saves $4/month")."""

    code: str
    name: str
    project: str
    address: str
    message: str
    saving: Decimal


@dataclass(frozen=True, slots=True)
class RegionOutcome:
    """The plan priced in one region (`target` None: where the plan puts it).

    `missing` counts the components priced as planned that have no price here: a region with any
    is not comparable (it would look cheaper for what it lacks) and is listed after the ranked
    ones. `like_for_like` sums only the components priced as planned and in every comparable
    region, so the ranking compares the same things; None for a region that is not comparable.
    `regional` counts the resources whose prices moved with the region.
    """

    target: TargetRegion | None
    estimate: Estimate
    like_for_like: Decimal | None
    regional: int
    missing: int = 0
    kept: tuple[Kept, ...] = ()
    unpriced: tuple[Unpriced, ...] = ()
    swaps: tuple[SwapLine, ...] = ()

    @property
    def label(self) -> str:
        """The region's name, or "as planned"."""
        return self.target.label if self.target is not None else "as planned"

    @property
    def comparable(self) -> bool:
        """True when the plan has resources that move here and everything priced as planned is
        priced here too: only such regions are ranked."""
        return self.missing == 0 and (self.target is None or self.regional > 0)

    @property
    def why_not_ranked(self) -> str:
        """Why the region is not ranked ("" when it is)."""
        if self.target is not None and self.regional == 0:
            return "no priced resource of the plan moves there (see kept)"
        if self.missing:
            many = self.missing != 1
            return (
                f"{self.missing:,} component{'s' if many else ''} priced as planned "
                f"{'have' if many else 'has'} no price there (listed below)"
            )
        return ""

    @property
    def total(self) -> Decimal:
        """Monthly cost of every component priced in this region."""
        return self.estimate.totals.after

    @property
    def swap_saving(self) -> Decimal:
        """Monthly saving of every swap that could be priced here."""
        return sum((s.saving for s in self.swaps if s.saving is not None), Decimal(0))


@dataclass(frozen=True, slots=True)
class WhatIf:
    """The whole answer: the plan as planned, the regions (comparable ones first, cheapest
    like-for-like first; then the others, fewest gaps first), the swap asked for, and the rules'
    suggestions with savings."""

    planned: RegionOutcome
    ranked: tuple[RegionOutcome, ...]
    swap: str | None = None
    suggestions: tuple[Suggestion, ...] = ()
    notes: tuple[str, ...] = field(default_factory=tuple)
