"""The values actual spend is made of: a billed amount as imported, an estimate line as recorded,
and the comparison of the two that report/ renders. Plain frozen dataclasses; money is Decimal."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from enum import StrEnum
from typing import Literal

CompareBy = Literal["team", "project", "service"]
COMPARE_BY: tuple[CompareBy, ...] = ("team", "project", "service")
NO_TAG = ""
"""tag_key of spend grouped by service only, and tag_value of spend that carries no value of the
tag key (Cost Explorer's `team$`): unallocated."""


@dataclass(frozen=True, slots=True)
class ActualCost:
    """What the cloud billed in one month for one service and one value of a tag key."""

    month: str  # YYYY-MM
    service: str  # the billing API's own service name ("EC2 - Other")
    tag_key: str  # NO_TAG when the import was grouped by service only
    tag_value: str  # NO_TAG when untagged (or when tag_key is NO_TAG)
    amount: Decimal
    currency: str
    estimated: bool  # the billing API says the month is not final yet


@dataclass(frozen=True, slots=True)
class EstimateLine:
    """One slice of a recorded estimate: a project's cost for one team, provider and service, in
    the latest recorded (main-branch) run of that project."""

    project: str
    team: str | None
    provider: str
    service: str  # the Price List service code the components queried ("" when none)
    monthly: Decimal
    usage_unknown: int  # usage-based components nobody gave a quantity for: no cost in `monthly`
    unpriced: int  # components the catalog had no price for: no cost in `monthly`
    run_id: int
    recorded_at: datetime


@dataclass(frozen=True, slots=True)
class UnsupportedLine:
    """A resource of a type costgate does not price, in the latest recorded run of its project."""

    project: str
    team: str | None
    type: str
    run_id: int


class ReasonCode(StrEnum):
    """Why estimate and actual differ, where the ledger and the bill can tell."""

    USAGE_NOT_GIVEN = "usage_not_given"
    UNPRICED = "unpriced"
    UNSUPPORTED = "unsupported"
    NO_ESTIMATE = "no_estimate"
    NO_ACTUAL = "no_actual"
    UNALLOCATED = "unallocated"
    UNKNOWN_TAG_VALUE = "unknown_tag_value"
    UNMAPPED_SERVICE = "unmapped_service"
    ACCOUNT_CHARGE = "account_charge"
    UNTRACKED_SERVICES = "untracked_services"
    NOT_RECORDED_BY_SERVICE = "not_recorded_by_service"


@dataclass(frozen=True, slots=True)
class Reason:
    """One explanation of a gap, as a code (stable, for JSON) and a sentence."""

    code: ReasonCode
    text: str


@dataclass(frozen=True, slots=True)
class CompareRow:
    """One team, project or service: estimated and billed monthly cost, and why they differ.

    `estimate` is None when nothing recorded covers the key, `actual` None when nothing billed
    it; `gap` is actual minus estimate, a missing side counting as zero.
    """

    key: str
    estimate: Decimal | None
    actual: Decimal | None
    reasons: tuple[Reason, ...] = ()
    names: tuple[str, ...] = ()  # by service: the billing API's names folded into this row

    @property
    def gap(self) -> Decimal:
        """Actual minus estimate (a missing side is zero)."""
        return (self.actual or Decimal(0)) - (self.estimate or Decimal(0))


@dataclass(frozen=True, slots=True)
class Comparison:
    """Estimate against actual spend for one billed month, grouped one way."""

    by: CompareBy
    month: str
    source: str
    metric: str
    tag_key: str | None  # the tag key actual spend was allocated by (None by service)
    currency: str
    rows: tuple[CompareRow, ...]
    estimated_month: bool  # the billing API marked the month as not final
    imported_at: datetime | None
    runs: int  # recorded runs the estimate side comes from
    notes: tuple[str, ...] = ()  # what applies to the whole comparison (other providers left out)

    @property
    def estimate_total(self) -> Decimal:
        """Sum of the estimate column."""
        return sum((r.estimate for r in self.rows if r.estimate is not None), Decimal(0))

    @property
    def actual_total(self) -> Decimal:
        """Sum of the actual column."""
        return sum((r.actual for r in self.rows if r.actual is not None), Decimal(0))

    @property
    def gap_total(self) -> Decimal:
        """Actual total minus estimate total."""
        return self.actual_total - self.estimate_total
