"""azurerm_mssql_database: an Azure SQL database (DTU, vCore provisioned or serverless, or a pool member).

Prices:
    DTU sizes (Basic, S0-S12, P1-P15): the size per hour (Azure bills it per day); extra data
    storage beyond what the size includes (max_size_gb, or the usage).
    vCore provisioned (GP_, BC_, HS_ with Gen5, M, DC, Fsv2, premium series): compute per hour
    of the size; General Purpose zone redundancy per hour; SQL licence per vCore-hour unless
    license_type = "BasePrice"; storage per GB-month of max_size_gb; Hyperscale read replicas
    (read_replica_count) per hour of the same size.
    Serverless (GP_S_): compute and zone redundancy per vCore-hour used (usage), storage.
    Backups: long-term retention and PITR storage (usage), by storage_account_type (Geo,
    GeoZone, Local, Zone); Hyperscale backups are not among them.
    A member of an elastic pool (elastic_pool_id, or sku_name "ElasticPool"): backups only;
    compute and storage bill on the pool.
Usage keys:
    monthly_vcore_hours: vCore-hours a serverless database runs a month.
    extra_data_storage_gb: DTU storage beyond the included amount (overrides max_size_gb).
    long_term_retention_storage_gb, backup_storage_gb: backup storage a month.
Not priced / assumptions:
    The location is the database's server's (server_id). sku_name unset: Azure's default
    GP_S_Gen5_2 (serverless) is assumed, as the reference estimator does. max_size_gb unset on a
    vCore database: Azure's default maximum, 32 GB (the reference estimator assumes 5 GB).
    Serverless databases include their licence. Hyperscale read replicas default to none.
    Dev/test pricing and reserved capacity are not applied.
References:
    https://azure.microsoft.com/pricing/details/azure-sql-database/single/
    https://learn.microsoft.com/azure/azure-sql/database/resource-limits-dtu-single-databases
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from costgate.model import CostComponent, Resource
from costgate.resources.azure import _sql
from costgate.resources.azure._common import is_set, location_from
from costgate.resources.base import Pricer, PricingContext, UsageKey, dec

USAGE = (
    UsageKey("monthly_vcore_hours", "float", "vCore-hours a serverless database runs a month"),
    UsageKey("extra_data_storage_gb", "float", "DTU database storage beyond the included amount (GB)"),
    *_sql.BACKUP_USAGE,
)
DEFAULT_SKU = "GP_S_Gen5_2"


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    region = location_from(r, ctx, "server_id")
    sku = str(r.get("sku_name") or DEFAULT_SKU)
    if sku.lower() == "elasticpool" or is_set(r, "elastic_pool_id"):
        yield from _sql.backups(r, region, ctx.usage, r.get("storage_account_type"))
        return
    yield from _sql.database(
        r,
        region,
        sku,
        ctx.usage,
        max_gb=dec(r.get("max_size_gb")),
        zone_redundant=r.get("zone_redundant") is True,
        replicas=int(dec(r.get("read_replica_count"), Decimal(0)) or 0),
        storage_account_type=r.get("storage_account_type"),
        licensed=str(r.get("license_type") or "LicenseIncluded") != "BasePrice",
    )


PRICER = Pricer(type="azurerm_mssql_database", price=_price, usage_keys=USAGE, doc=__doc__ or "")
