"""azurerm_sql_database: an Azure SQL database of the legacy resource (azurerm 1.x-3.x).

Prices:
    As azurerm_mssql_database (costgate/resources/azure/_sql.py): DTU sizes per hour (billed per
    day) with extra data storage; vCore compute, General Purpose zone redundancy, SQL licence
    per vCore-hour, storage per GB-month of the maximum size, Hyperscale read replica
    (read_scale = true: one); serverless compute by usage; backups (usage, RA-GRS).
    A member of an elastic pool (elastic_pool_name): backups only.
Usage keys:
    monthly_vcore_hours: vCore-hours a serverless database runs a month.
    extra_data_storage_gb: DTU storage beyond the included amount (overrides max_size_bytes).
    long_term_retention_storage_gb, backup_storage_gb: backup storage a month.
Not priced / assumptions:
    The size comes from requested_service_objective_name, else from edition (GeneralPurpose:
    GP_Gen5_2, BusinessCritical: BC_Gen5_2, Hyperscale: HS_Gen5_2, Standard: S0, Premium: P1,
    Basic), else GP_Gen5_2, as the reference estimator reads them. The legacy resource has no
    license_type: Azure bills vCore databases licence included, so the SQL licence is priced
    (the reference estimator leaves it out). max_size_bytes unset on a vCore database: 32 GB.
    DataWarehouse and Stretch editions are looked up by their SKU and reported unpriced.
References:
    https://azure.microsoft.com/pricing/details/azure-sql-database/single/
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
EDITIONS = {
    "generalpurpose": "GP_Gen5_2",
    "businesscritical": "BC_Gen5_2",
    "hyperscale": "HS_Gen5_2",
    "standard": "S0",
    "premium": "P1",
    "basic": "Basic",
    "datawarehouse": "DW100c",
    "stretch": "DS100",
}
GB = Decimal(1024) ** 3


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    region = location_from(r, ctx, "server_name")
    if is_set(r, "elastic_pool_name"):
        yield from _sql.backups(r, region, ctx.usage, "Geo")
        return
    edition = str(r.get("edition") or "")
    sku = str(r.get("requested_service_objective_name") or EDITIONS.get(edition.lower()) or edition or "GP_Gen5_2")
    size = dec(r.get("max_size_bytes"))
    yield from _sql.database(
        r,
        region,
        sku,
        ctx.usage,
        max_gb=size / GB if size else None,
        zone_redundant=r.get("zone_redundant") is True,
        replicas=1 if r.get("read_scale") is True else 0,
        licensed=True,
        storage_account_type="Geo",
    )


PRICER = Pricer(type="azurerm_sql_database", price=_price, usage_keys=USAGE, doc=__doc__ or "")
