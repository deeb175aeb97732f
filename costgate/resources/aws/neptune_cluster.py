"""aws_neptune_cluster: an Amazon Neptune cluster (its instances are aws_neptune_cluster_instance).

Prices:
    Storage: per GB-month (usage: storage_gb).
    I/O requests: per million (usage: monthly_io_requests).
    Backup storage: per GB-month beyond the free allowance, when backups are kept more than
    one day (usage: backup_storage_gb).
Usage keys:
    storage_gb: data stored, GB.
    monthly_io_requests: I/O requests a month.
    backup_storage_gb: backup storage beyond 100% of the cluster's storage, GB.
Not priced / assumptions:
    With the default one-day retention the backup fits in the free allowance (100% of the
    cluster's storage), so no backup line is shown. I/O-optimized storage is not priced.
References:
    https://aws.amazon.com/neptune/pricing/
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from costgate.model import CostComponent, Resource
from costgate.resources.aws._common import aws_query, ut
from costgate.resources.aws._neptune import SERVICE, backup_query
from costgate.resources.base import Pricer, PricingContext, UsageKey, number, usage_component

USAGE = (
    UsageKey("storage_gb", "float", "Data stored, GB"),
    UsageKey("monthly_io_requests", "float", "I/O requests a month"),
    UsageKey("backup_storage_gb", "float", "Backup storage beyond 100% of the cluster's storage, GB"),
)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    u = ctx.usage
    yield usage_component(
        "Storage",
        "GB",
        u,
        "storage_gb",
        aws_query(r, SERVICE, "Database Storage", {"usagetype": ut(r, "StorageUsage")}, unit="GB-Mo"),
    )
    yield usage_component(
        "I/O requests",
        "1M requests",
        u,
        "monthly_io_requests",
        aws_query(r, SERVICE, "System Operation", {"usagetype": ut(r, "StorageIOUsage")}, unit="IOs"),
        per=1_000_000,
    )
    if (number(r, "backup_retention_period", Decimal(1)) or Decimal(1)) > 1:
        yield usage_component("Backup storage", "GB", u, "backup_storage_gb", backup_query(r))


PRICER = Pricer(type="aws_neptune_cluster", price=_price, usage_keys=USAGE, doc=__doc__ or "")
