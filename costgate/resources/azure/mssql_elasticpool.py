"""azurerm_mssql_elasticpool: an Azure SQL elastic pool (eDTU or vCore).

Prices:
    eDTU pools (sku BasicPool, StandardPool, PremiumPool; capacity = eDTUs): the pool per hour
    (Azure bills it per day) and extra data storage above what the size includes (Standard:
    its eDTU count in GB; Premium: 250 GB to 4 TB by size; Basic cannot grow).
    vCore pools (GP_Gen5, BC_Gen5, BC_DC, HS_Gen5...; capacity = vCores): compute per hour,
    General Purpose zone redundancy per hour, SQL licence per vCore-hour unless license_type =
    "BasePrice", storage per GB-month of max_size_gb (or max_size_bytes).
Usage keys:
    None.
Not priced / assumptions:
    The pool's own location (or its resource group's), else its server's. The databases in
    the pool add only their backups (azurerm_mssql_database). max_size unset on a vCore pool:
    32 GB. Reserved capacity and dev/test prices are not applied.
References:
    https://azure.microsoft.com/pricing/details/azure-sql-database/elastic/
    https://learn.microsoft.com/azure/azure-sql/database/resource-limits-dtu-elastic-pools
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from costgate.model import CostComponent, Resource
from costgate.resources.azure import _sql
from costgate.resources.azure._common import location_from
from costgate.resources.base import Pricer, PricingContext, dec

GB = Decimal(1024) ** 3


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    region = location_from(r, ctx, "server_name")
    sku = r.block("sku")
    name, capacity = str(sku.get("name") or ""), int(dec(sku.get("capacity"), Decimal(0)) or 0)
    size = dec(r.get("max_size_bytes"))
    max_gb = dec(r.get("max_size_gb")) or (size / GB if size else None)
    tier = _sql.POOL_TIERS.get(name.lower())
    if tier is not None:
        yield from _sql.dtu_pool(r, region, tier, capacity, max_gb)
        return
    v = _sql.parse_vcore(name, capacity) or _sql.VCore(  # a name Azure does not spell TIER_FAMILY: from tier and family
        name,
        _sql.TIER_NAMES.get(str(sku.get("tier") or "").lower(), "GP"),
        str(sku.get("family") or "Gen5").lower(),
        capacity,
    )
    yield from _sql.vcore_pool(
        r,
        region,
        v,
        ctx.usage,
        max_gb=max_gb,
        zone_redundant=r.get("zone_redundant") is True,
        licensed=str(r.get("license_type") or "LicenseIncluded") != "BasePrice",
    )


PRICER = Pricer(type="azurerm_mssql_elasticpool", price=_price, doc=__doc__ or "")
