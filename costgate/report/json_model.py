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


class ResourceOut(_Model):
    """One resource: cost after the change, before it, and the components of both."""

    address: str
    type: str
    provider: str
    region: str | None
    action: str
    support: Literal["priced", "free", "unsupported"]
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


class UnpricedOut(_Model):
    """A component the catalog could not price, with the query that failed."""

    address: str
    component: str
    reason: str
    query: str
    hint: str


class TotalsOut(_Model):
    """Known monthly costs before and after the change, and the change."""

    before: Num
    after: Num
    delta: Num
    delta_percent: Num | None
    usage_based_after: Num
    after_min: Num | None = None
    after_max: Num | None = None


class ProjectOut(_Model):
    """One plan or directory."""

    name: str
    source: Literal["plan", "hcl", "usage_file"] = Field(
        description="What was read: a plan (`--plan`), Terraform files (`--path`, HCL mode), or a usage file's "
                    "resources no plan declares. (Before version 1.1 this key held the path; that is `path` now.)")
    path: str = Field("", description="The plan file or the Terraform folder.")
    resources: list[ResourceOut]
    unsupported: list[UnsupportedOut]
    unpriced: list[UnpricedOut]
    totals: TotalsOut
    counts: dict[str, int]
    warnings: list[str]
    unknowns: list[str] = Field(default_factory=list, description="What HCL mode could not evaluate without the cloud, "
                                                                  "each with its reason (always empty for a plan).")


class CatalogOut(_Model):
    """The catalog that priced the estimate."""

    id: str
    price_date: str
    built_at: str
    sources: list[str]


class EstimateOut(_Model):
    """The top-level JSON document of `costgate breakdown|diff --format json`."""

    version: str = JSON_VERSION
    currency: str
    catalog: CatalogOut
    projects: list[ProjectOut]
    unsupported: list[UnsupportedOut]
    unpriced: list[UnpricedOut]
    totals: TotalsOut
    counts: dict[str, int]
    free_tier: dict[str, Num] = {}
