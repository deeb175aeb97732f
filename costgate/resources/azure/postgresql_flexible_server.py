"""azurerm_postgresql_flexible_server: an Azure Database for PostgreSQL flexible server.

Prices:
    Compute per hour by sku_name (Burstable B_, General Purpose GP_, Memory Optimized MO_);
    storage per GB-month (storage_mb); with high_availability (a standby in the same or
    another zone), compute and storage twice. Additional backup storage per GB-month (usage).
Usage keys:
    additional_backup_storage_gb: backup storage beyond the free allowance (the server's size).
Not priced / assumptions:
    storage_mb unset: Azure's default, 32 GiB. The reference estimator doubles only compute
    for high availability; Azure bills the standby's storage too. Geo-redundant backup is
    looked up at the LRS backup meter (Azure bills it about twice that). Provisioned IOPS
    and throughput of Premium SSD v2 storage (storage_tier, iops) and read replicas (separate
    servers with create_mode = "Replica", priced as servers) are not added. Reserved
    capacity is not applied.
References:
    https://azure.microsoft.com/pricing/details/postgresql/flexible-server/
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from costgate.model import CostComponent, Resource
from costgate.resources.azure import _flexible
from costgate.resources.base import Pricer, PricingContext, dec


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    storage = (dec(r.get("storage_mb")) or Decimal(32768)) / 1024
    copies = 2 if r.block("high_availability").get("mode") else 1
    yield from _flexible.server(r, "PostgreSQL", ctx.usage, storage_gb=storage, copies=copies)


PRICER = Pricer(
    type="azurerm_postgresql_flexible_server", price=_price, usage_keys=_flexible.BACKUP_USAGE, doc=__doc__ or ""
)
