"""azurerm_mysql_flexible_server: an Azure Database for MySQL flexible server.

Prices:
    Compute per hour by sku_name (Burstable B_, General Purpose GP_, Business Critical MO_);
    storage per GB-month (storage.size_gb); IOPS provisioned above the free 300 + 3 per GB
    (storage.iops) per IOPS-month; with high_availability, compute and storage twice.
    Additional backup storage per GB-month (usage).
Usage keys:
    additional_backup_storage_gb: backup storage beyond the free allowance (the server's size).
Not priced / assumptions:
    storage.size_gb unset: Azure's default, 20 GB. The General Purpose / Business Critical
    product names follow the PostgreSQL flexible server's pattern ("... Flexible Server General
    Purpose Dadsv5 Series Compute", not confirmed); the shipped catalog holds burstable compute,
    storage and backup storage in westus only, other lines are reported unpriced with their
    query until `costgate catalog refresh --provider azure --service "Azure Database for MySQL"`.
    Additional IOPS: the "Additional IOPS" meter of "... Flexible Server Storage", per IOPS-month.
    Autoscale IOPS (storage.io_scaling_enabled) are billed per million I/Os used and are not
    priced. Geo-redundant backup is looked up at the LRS backup meter.
References:
    https://azure.microsoft.com/pricing/details/mysql/flexible-server/
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from costgate.model import CostComponent, Resource
from costgate.resources.azure import _flexible
from costgate.resources.base import Pricer, PricingContext, dec, monthly

FREE_IOPS, FREE_IOPS_PER_GB = Decimal(300), Decimal(3)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    storage = r.block("storage")
    size = dec(storage.get("size_gb")) or Decimal(20)
    copies = 2 if r.block("high_availability").get("mode") else 1
    yield from _flexible.server(r, "MySQL", ctx.usage, storage_gb=size, copies=copies)
    extra = (dec(storage.get("iops")) or Decimal(0)) - FREE_IOPS - FREE_IOPS_PER_GB * size
    if extra > 0 and storage.get("io_scaling_enabled") is not True:
        yield monthly(
            "Additional IOPS",
            "IOPS",
            extra,
            _flexible.query(
                r,
                "MySQL",
                {
                    "productName": "Azure Database for MySQL Flexible Server Storage",
                    "skuName": "Additional IOPS",
                    "meterName": "Additional IOPS",
                },
                "1 IOPS/Month",
            ),
        )


PRICER = Pricer(
    type="azurerm_mysql_flexible_server", price=_price, usage_keys=_flexible.BACKUP_USAGE, doc=__doc__ or ""
)
