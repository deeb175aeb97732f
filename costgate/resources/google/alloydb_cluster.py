"""google_alloydb_cluster: an AlloyDB for PostgreSQL cluster (its storage and backups).

Prices:
    Storage: per GB-month of the cluster's regional storage (usage).
    Backups: per GB-month of backup storage (usage).
Usage keys:
    storage_gb: GB the cluster stores.
    backup_storage_gb: GB of backups kept.
Not priced / assumptions:
    Compute is priced on the cluster's google_alloydb_instance resources. The shipped catalog has
    no AlloyDB rows, so both components show as not priced until `catalog refresh`.
References:
    https://cloud.google.com/alloydb/pricing
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.base import Pricer, PricingContext, UsageKey, usage_component
from costgate.resources.google._common import gcp_query

SERVICE = "AlloyDB for PostgreSQL"
USAGE = (
    UsageKey("storage_gb", "float", "GB the cluster stores"),
    UsageKey("backup_storage_gb", "float", "GB of backups kept"),
)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    yield usage_component(
        "Storage",
        "GB",
        ctx.usage,
        "storage_gb",
        gcp_query(
            r,
            SERVICE,
            {"resourceGroup": "Storage", "usageType": "OnDemand"},
            family="ApplicationServices",
            unit="GiBy.mo",
        ),
    )
    yield usage_component(
        "Backups",
        "GB",
        ctx.usage,
        "backup_storage_gb",
        gcp_query(
            r,
            SERVICE,
            {"resourceGroup": "BackupStorage", "usageType": "OnDemand"},
            family="ApplicationServices",
            unit="GiBy.mo",
        ),
    )


PRICER = Pricer(type="google_alloydb_cluster", price=_price, usage_keys=USAGE, doc=__doc__ or "")
