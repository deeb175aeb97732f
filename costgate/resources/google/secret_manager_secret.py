"""google_secret_manager_secret: a Secret Manager secret (its versions hold the data).

Prices:
    Active secret versions: per version-month, usage (versions declared as
    google_secret_manager_secret_version are priced there).
    Access operations: per 10,000 (usage). Rotation notifications: per rotation (usage).
Usage keys:
    active_secret_versions: versions kept active that the configuration does not declare.
    monthly_access_operations: access operations a month.
    monthly_rotation_notifications: rotation notifications a month.
Not priced / assumptions:
    Each replica location of a user-managed replication policy counts as a version; give the
    total in active_secret_versions. The free tier (6 versions, 10,000 accesses) is not applied.
References:
    https://cloud.google.com/secret-manager/pricing
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, PriceQuery, Resource
from costgate.resources.base import Pricer, PricingContext, UsageKey, usage_component
from costgate.resources.google._common import gcp_query

USAGE = (
    UsageKey("active_secret_versions", "float", "Active versions not declared in the configuration"),
    UsageKey("monthly_access_operations", "float", "Access operations a month"),
    UsageKey("monthly_rotation_notifications", "float", "Rotation notifications a month"),
)
SERVICE = "Secret Manager"


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    def q(group: str, unit: str) -> PriceQuery:
        return gcp_query(r, SERVICE, {"resourceGroup": group}, family="ApplicationServices", unit=unit)

    yield usage_component(
        "Active secret versions", "versions", ctx.usage, "active_secret_versions", q("SecretVersion", "mo")
    )
    yield usage_component(
        "Access operations",
        "10K requests",
        ctx.usage,
        "monthly_access_operations",
        q("AccessOperation", "count"),
        per=10_000,
    )
    yield usage_component(
        "Rotation notifications",
        "rotations",
        ctx.usage,
        "monthly_rotation_notifications",
        q("RotationNotification", "count"),
    )


PRICER = Pricer(type="google_secret_manager_secret", price=_price, usage_keys=USAGE, doc=__doc__ or "")
