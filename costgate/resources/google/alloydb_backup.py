"""google_alloydb_backup: an on-demand backup of an AlloyDB cluster.

Prices:
    Backup storage: per GB-month the backup holds (usage: storage_gb), at AlloyDB's backup
    storage rate in the backup's `location`.
Usage keys:
    storage_gb: GB the backup holds.
Not priced / assumptions:
    Automated and continuous backups are priced on google_alloydb_cluster (backup_storage_gb);
    give this backup's size here only, not in both. The shipped catalog has no AlloyDB rows, so
    the component shows as not priced until `catalog refresh`.
References:
    https://cloud.google.com/alloydb/pricing
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.base import Pricer, PricingContext, UsageKey, usage_component
from costgate.resources.google._common import gcp_query
from costgate.resources.google.alloydb_cluster import SERVICE

USAGE = (UsageKey("storage_gb", "float", "GB the backup holds"),)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    attrs = {"resourceGroup": "BackupStorage", "usageType": "OnDemand"}
    q = gcp_query(r, SERVICE, attrs, family="ApplicationServices", unit="GiBy.mo")
    yield usage_component("Backup storage", "GB", ctx.usage, "storage_gb", q)


PRICER = Pricer(type="google_alloydb_backup", price=_price, usage_keys=USAGE, doc=__doc__ or "")
