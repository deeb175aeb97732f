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

from costgate.model import CostComponent, Resource
from costgate.resources.base import Pricer, PricingContext
from costgate.resources.google._secret_manager import SECRET_USAGE, secret_components


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    yield from secret_components(r, ctx)


PRICER = Pricer(type="google_secret_manager_secret", price=_price, usage_keys=SECRET_USAGE, doc=__doc__ or "")
