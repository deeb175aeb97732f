"""google_artifact_registry_repository: an Artifact Registry repository.

Prices:
    Storage: per GB (usage: storage_gb).
Usage keys:
    storage_gb: GB of artifacts stored.
Not priced / assumptions:
    The first 0.5 GB a month is free and not applied. Data transfer out of the repository's
    region (monthly_egress_data_transfer_gb in other estimators' usage files) is not priced: the
    shipped catalog has no Artifact Registry egress rows.
References:
    https://cloud.google.com/artifact-registry/pricing
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.base import Pricer, PricingContext, UsageKey, usage_component
from costgate.resources.google._common import gcp_query

SERVICE = "Artifact Registry"
USAGE = (
    UsageKey("storage_gb", "float", "GB of artifacts stored"),
)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    yield usage_component("Storage", "GB", ctx.usage, "storage_gb", gcp_query(r, SERVICE, {'resourceGroup': 'Storage'}, family="ApplicationServices", unit="GiBy.mo"))


PRICER = Pricer(type="google_artifact_registry_repository", price=_price, usage_keys=USAGE, doc=__doc__ or "")
