"""The `costgate showback --format json` document as pydantic models: the contract, from which
costgate/schemas/showback-v1.schema.json is generated (scripts/gen_schema.py; a test keeps it
current and validates real output against it).

Money is a JSON number in USD a month (before, after, delta); an owner of null is the
unallocated row.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from costgate.report.showback import SHOWBACK_JSON_VERSION


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class AmountOut(_Model):
    """Monthly cost before and after the change, and the change."""

    before: float
    after: float
    delta: float


class NotInCostOut(_Model):
    """What a row's cost leaves out (no cost, not $0)."""

    unpriced_components: int
    usage_based_components: int = Field(description="Components whose quantity depends on usage nobody gave.")
    unsupported_resources: int


class OwnerOut(_Model):
    """One owner (team, project, service, region or tag value) or the unallocated row."""

    owner: str | None = Field(description="null: the cost no owner takes (unallocated).")
    unallocated: bool
    resources: int
    direct: AmountOut
    shared: AmountOut
    total: AmountOut
    shares: dict[str, AmountOut] = Field(description="Shared pool name -> this owner's share.")
    not_in_cost: NotInCostOut


class PoolShareOut(_Model):
    """One owner's share of a pool (owner null: nobody to share it with)."""

    owner: str | None
    before: float
    after: float


class PoolOut(_Model):
    """A shared-cost pool (costgate.yml showback.shared) and how it was split."""

    name: str
    split: str
    resources: int
    amount: AmountOut
    shares: list[PoolShareOut]
    note: str | None
    not_in_cost: NotInCostOut


class ShowbackOut(_Model):
    """The top-level document of `costgate showback --format json`."""

    version: str = SHOWBACK_JSON_VERSION
    by: str = Field(description="team, project, service, region or tag:KEY")
    currency: str
    total: AmountOut = Field(description="The estimate's total; the owners' totals add up to it.")
    complete: bool
    incomplete: str | None
    owners: list[OwnerOut]
    shared_pools: list[PoolOut]
