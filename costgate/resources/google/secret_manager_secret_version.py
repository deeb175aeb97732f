"""google_secret_manager_secret_version: one version of a Secret Manager secret.

Prices:
    Active secret versions: per version-month, one per replica location of its secret (automatic
    replication counts as one).
    Access operations: per 10,000 (usage).
Usage keys:
    monthly_access_operations: access operations a month on this version.
Not priced / assumptions:
    A disabled version (enabled = false) still bills as active until destroyed. The secret's
    replication is read from its google_secret_manager_secret when in the configuration.
References:
    https://cloud.google.com/secret-manager/pricing
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.base import Pricer, PricingContext
from costgate.resources.google._compute import first
from costgate.resources.google._secret_manager import VERSION_USAGE, version_components


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    secret = ctx.resolve(r, "secret")
    replicas = first(first(secret.values, "replication"), "user_managed").get("replicas") if secret else None
    yield from version_components(r, ctx, len(replicas) if isinstance(replicas, list) and replicas else 1)


PRICER = Pricer(type="google_secret_manager_secret_version", price=_price, usage_keys=VERSION_USAGE, doc=__doc__ or "")
