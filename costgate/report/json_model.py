"""The versioned JSON output, as pydantic models: the models are the contract, and the JSON
Schema in costgate/schemas/ is generated from them (a test keeps it current).

Keys are snake_case. Money and quantities are JSON numbers, unrounded; a component whose
quantity depends on usage has null quantity and cost, never 0.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, PlainSerializer

from costgate.report.json_format import JSON_VERSION

__all__ = ["JSON_VERSION"]

Num = Annotated[Decimal, PlainSerializer(lambda d: float(d), return_type=float, when_used="json")]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class PriceSourceOut(_Model):
    """Which catalog product gave a price."""

    product_id: str
    source: str
    price_date: str
    fetched_at: str | None = Field(
        None, description="When --fetch-prices fetched this price into the cache (ISO time); null for shipped prices."
    )


class ComponentOut(_Model):
    """One cost component of a resource."""

    name: str
    unit: str
    monthly_quantity: Num | None
    unit_price: Num | None
    monthly_cost: Num | None
    usage_based: bool
    price_source: PriceSourceOut | None
    path: str = ""
    monthly_quantity_range: list[Num] | None = None
    monthly_cost_range: list[Num] | None = None
    unpriced_reason: str | None = None
    free_tier_quantity: Num | None = None
    no_charge_reason: str | None = Field(
        None,
        description="Why this line costs nothing (a Free tier, a feature the tier includes, a charge billed on "
        "another resource): a known $0, not a gap. Null on every other line.",
    )


class ResourceOut(_Model):
    """One resource: cost after the change, before it, and the components of both."""

    address: str
    type: str
    provider: str
    region: str | None
    action: str
    support: Literal["priced", "free", "unsupported"]
    support_reason: str
    monthly_cost: Num
    before_monthly_cost: Num
    delta_monthly_cost: Num
    components: list[ComponentOut]
    before_components: list[ComponentOut]
    tags: dict[str, str]
    module: str = ""


class UnsupportedOut(_Model):
    """A resource whose type costgate cannot price: counted and shown, never $0."""

    address: str
    type: str
    reason: str


class UnpricedFetchOut(_Model):
    """A fetch of an unpriced component's scope in this run: fetched (but no product matched) or failed."""

    status: Literal["fetched", "failed"]
    error: str | None = None


class UnpricedOut(_Model):
    """A component the catalog could not price, with the query that failed."""

    address: str
    component: str
    side: Literal["before", "after"]
    reason: str
    query: str
    hint: str
    fetch: UnpricedFetchOut | None = Field(
        None,
        description="What --fetch-prices did for this component's scope in this run; null when nothing was fetched for it.",
    )


class TotalsOut(_Model):
    """Known monthly costs before and after the change, and the change."""

    fetched_this_run: int = Field(0, description="Components priced with prices --fetch-prices fetched in this run.")
    before: Num
    after: Num
    delta: Num
    delta_percent: Num | None
    usage_based_after: Num
    after_min: Num | None = None
    after_max: Num | None = None
    complete: bool
    before_complete: bool
    after_complete: bool


class CountsOut(_Model):
    """Resource and component counts, one definition shared by every output (Estimate.counts).

    Components are counted once each: the after view of every resource and the before view of
    resources the change alters. `usage_based_components` counts components that depend on
    usage: priced, but no quantity was given, so they have no cost (never $0).
    """

    resources: int
    priced: int
    free: int
    unsupported: int
    components: int
    unpriced_components: int
    unpriced_before: int
    unpriced_after: int
    usage_based_components: int
    unknowns: int = Field(
        0,
        description="What HCL mode could not evaluate without the cloud (the `unknowns` "
        "lists); more than 0 makes the estimate incomplete. Added in 1.3.",
    )


class ProjectOut(_Model):
    """One plan or directory."""

    name: str
    source: Literal["plan", "hcl", "usage_file"] = Field(
        description="What was read: a plan (`--plan`), Terraform files (`--path`, HCL mode), or a usage file's "
        "resources no plan declares. (Before version 1.1 this key held the path; that is `path` now.)"
    )
    path: str = Field("", description="The plan file or the Terraform folder.")
    resources: list[ResourceOut]
    unsupported: list[UnsupportedOut]
    unpriced: list[UnpricedOut]
    totals: TotalsOut
    counts: CountsOut
    warnings: list[str]
    unknowns: list[str] = Field(
        default_factory=list,
        description="What HCL mode could not evaluate without the cloud, "
        "each with its reason (always empty for a plan).",
    )


class CurrencyRateOut(_Model):
    """The currency of every amount and how it was converted from the catalog's USD."""

    code: str = Field(description="ISO 4217 code of every amount in the document.")
    base: str = Field(description="The catalog's currency the amounts were converted from (USD).")
    rate: str = Field(
        description='1 base = rate code: the exact Decimal every amount was multiplied by ("1" when not converted).'
    )
    rate_date: str | None = Field(
        description="The day of the European Central Bank reference rates used (YYYY-MM-DD); null when not converted."
    )
    source: str = Field(description="Where the rate comes from.")


class CatalogOut(_Model):
    """The catalog that priced the estimate."""

    id: str
    price_date: str
    built_at: str
    sources: list[str]


class PriceRangeOut(_Model):
    """A source that dates its prices with a range, not a day (said as what it is)."""

    source: str
    price_date: str


class PriceDatesOut(_Model):
    """Oldest and newest day of the prices this estimate used (not the catalog's newest)."""

    oldest: str | None
    newest: str | None
    ranges: list[PriceRangeOut]


class FetchedScopeOut(_Model):
    """One (provider, service, region) --fetch-prices tried in this run."""

    provider: str
    service: str
    region: str
    status: Literal["fetched", "failed"]
    rows: int
    url: str | None
    source: str | None
    fetched_at: str | None
    reason: str | None


class FetchOut(_Model):
    """What --fetch-prices fetched in this run (null when it was never)."""

    mode: Literal["missing", "all"]
    seconds: Num
    scopes: list[FetchedScopeOut]


class UnitCostOut(_Model):
    """A unit metric's cost per `per` units (costgate.yml unit_metrics), before and after the change."""

    name: str
    display: str
    scope: str
    monthly_value: Num
    per: Num
    before: Num | None
    after: Num | None
    change_percent: Num | None
    complete: bool


class EstimateOut(_Model):
    """The top-level JSON document of `costgate breakdown|diff --format json`."""

    version: str = JSON_VERSION
    incomplete_message: str | None
    currency: str
    currency_rate: CurrencyRateOut | None = None
    catalog: CatalogOut
    price_dates: PriceDatesOut
    projects: list[ProjectOut]
    unsupported: list[UnsupportedOut]
    unpriced: list[UnpricedOut]
    totals: TotalsOut
    counts: CountsOut
    free_tier: dict[str, Num] = {}
    fetch: FetchOut | None = None
    unit_costs: list[UnitCostOut] = []
