"""aws_docdb_cluster: an Amazon DocumentDB cluster (its instances are aws_docdb_cluster_instance).

Prices:
    Backup storage: per GB-month beyond the free allowance (usage: backup_storage_gb).
Usage keys:
    backup_storage_gb: backup storage beyond 100% of the cluster's storage, GB.
Not priced / assumptions:
    Storage and I/O are priced on the cluster instances (usage keys data_storage_gb and
    monthly_io_requests there), as the widely used usage-file format has them.
References:
    https://aws.amazon.com/documentdb/pricing/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.aws._docdb import backup_query
from costgate.resources.base import Pricer, PricingContext, UsageKey, usage_component

USAGE = (UsageKey("backup_storage_gb", "float", "Backup storage beyond 100% of the cluster's storage, GB"),)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    yield usage_component("Backup storage", "GB", ctx.usage, "backup_storage_gb", backup_query(r))


PRICER = Pricer(type="aws_docdb_cluster", price=_price, usage_keys=USAGE, doc=__doc__ or "")
