"""Secret Manager components shared by the global and regional secret and version pricers.

A secret bills its active versions (one per replica location), access operations per 10,000 and
rotation notifications; global (google_secret_manager_secret*) and regional
(google_secret_manager_regional_secret*) secrets are sold at the same SKUs, filed under the
catalog region of the resource.
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, PriceQuery, Resource
from costgate.resources.base import PricingContext, UsageKey, monthly, usage_component
from costgate.resources.google._common import gcp_query

SERVICE = "Secret Manager"
ACCESS = UsageKey("monthly_access_operations", "float", "Access operations a month")
SECRET_USAGE = (
    UsageKey("active_secret_versions", "float", "Active versions not declared in the configuration"),
    ACCESS,
    UsageKey("monthly_rotation_notifications", "float", "Rotation notifications a month"),
)
"""Usage keys of a secret (its undeclared versions, accesses and rotations)."""
VERSION_USAGE = (ACCESS,)
"""Usage keys of a declared version (its accesses)."""


def query(r: Resource, group: str, unit: str) -> PriceQuery:
    """The Secret Manager SKU of `group` (SecretVersion, AccessOperation, RotationNotification)."""
    return gcp_query(r, SERVICE, {"resourceGroup": group}, family="ApplicationServices", unit=unit)


def access_operations(r: Resource, ctx: PricingContext) -> CostComponent:
    """Access operations per 10,000, from usage."""
    return usage_component(
        "Access operations",
        "10K requests",
        ctx.usage,
        "monthly_access_operations",
        query(r, "AccessOperation", "count"),
        per=10_000,
    )


def secret_components(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    """A secret: undeclared active versions, access operations, rotation notifications (usage)."""
    yield usage_component(
        "Active secret versions", "versions", ctx.usage, "active_secret_versions", query(r, "SecretVersion", "mo")
    )
    yield access_operations(r, ctx)
    yield usage_component(
        "Rotation notifications",
        "rotations",
        ctx.usage,
        "monthly_rotation_notifications",
        query(r, "RotationNotification", "count"),
    )


def version_components(r: Resource, ctx: PricingContext, versions: int) -> Iterator[CostComponent]:
    """A declared version: `versions` active versions (one per replica) and its access operations."""
    yield monthly("Active secret versions", "versions", versions, query(r, "SecretVersion", "mo"))
    yield access_operations(r, ctx)
