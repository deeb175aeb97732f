"""google_secret_manager_regional_secret_version: one version of a regional Secret Manager secret.

Prices:
    Active secret versions: one version-month (a regional secret has one location).
    Access operations: per 10,000 (usage).
Usage keys:
    monthly_access_operations: access operations a month on this version.
Not priced / assumptions:
    A disabled version still bills as active until destroyed. Looked up in the region of its
    secret (the version's own resource carries no location; the reader's provider region is
    used when the secret is not in the configuration).
References:
    https://cloud.google.com/secret-manager/pricing
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.base import Pricer, PricingContext
from costgate.resources.google._secret_manager import VERSION_USAGE, version_components


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    secret = ctx.resolve(r, "secret")
    yield from version_components(secret if secret is not None else r, ctx, 1)


PRICER = Pricer(
    type="google_secret_manager_regional_secret_version", price=_price, usage_keys=VERSION_USAGE, doc=__doc__ or ""
)
