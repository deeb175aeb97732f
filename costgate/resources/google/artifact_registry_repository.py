"""google_artifact_registry_repository: an Artifact Registry repository.

Prices:
    Storage: per GB-month (usage: storage_gb), one price for every location (Google: "the same for
    both regional and multi-regional repositories"), so it is looked up in the `global` region.
    Data egress to other Google regions: per GB, one component per destination continent, from a
    usage map of destination region -> GB (traffic within the repository's region is free).
Usage keys:
    storage_gb: GB of artifacts stored.
    monthly_egress_data_transfer_gb: GB pulled from other regions a month, by region
    (`us_east1: 100`, `europe_west1: 40`, ...).
Not priced / assumptions:
    The first 0.5 GB a month is free and not applied. Egress to the internet is not priced. The
    shipped catalog has no Artifact Registry egress rows: they show as not priced until
    `catalog refresh`.
References:
    https://cloud.google.com/artifact-registry/pricing
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.base import Pricer, PricingContext, UsageKey, usage_component
from costgate.resources.google._common import GLOBAL, gcp_query
from costgate.resources.google._network import inter_region_components

SERVICE = "Artifact Registry"
USAGE = (
    UsageKey("storage_gb", "float", "GB of artifacts stored"),
    UsageKey("monthly_egress_data_transfer_gb", "float", "GB pulled from other regions a month, by destination region"),
)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    yield usage_component(
        "Storage",
        "GB",
        ctx.usage,
        "storage_gb",
        gcp_query(
            r, SERVICE, {"resourceGroup": "Storage"}, family="ApplicationServices", unit="GiBy.mo", region=GLOBAL
        ),
    )
    yield from inter_region_components(r, ctx.usage, SERVICE, "monthly_egress_data_transfer_gb", "Data egress")


PRICER = Pricer(type="google_artifact_registry_repository", price=_price, usage_keys=USAGE, doc=__doc__ or "")
