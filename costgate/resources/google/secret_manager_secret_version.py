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
from costgate.resources.base import Pricer, PricingContext, UsageKey, monthly, usage_component
from costgate.resources.google._common import gcp_query
from costgate.resources.google._compute import first

USAGE = (UsageKey("monthly_access_operations", "float", "Access operations a month"),)
SERVICE = "Secret Manager"


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    secret = ctx.resolve(r, "secret")
    replicas = first(first(secret.values, "replication"), "user_managed").get("replicas") if secret else None
    versions = len(replicas) if isinstance(replicas, list) and replicas else 1
    yield monthly(
        "Active secret versions",
        "versions",
        versions,
        gcp_query(r, SERVICE, {"resourceGroup": "SecretVersion"}, family="ApplicationServices", unit="mo"),
    )
    yield usage_component(
        "Access operations",
        "10K requests",
        ctx.usage,
        "monthly_access_operations",
        gcp_query(r, SERVICE, {"resourceGroup": "AccessOperation"}, family="ApplicationServices", unit="count"),
        per=10_000,
    )


PRICER = Pricer(type="google_secret_manager_secret_version", price=_price, usage_keys=USAGE, doc=__doc__ or "")
