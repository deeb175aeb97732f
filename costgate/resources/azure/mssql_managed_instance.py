"""azurerm_mssql_managed_instance: a SQL managed instance.

Prices:
    Compute per hour by tier (sku_name GP_/BC_) and vcores; SQL licence per vCore-hour unless
    license_type = "BasePrice"; storage above the included 32 GB (storage_size_in_gb) per
    GB-month; point-in-time-restore and long-term retention backup storage (usage) by
    storage_account_type (GRS, GZRS, LRS, ZRS).
Usage keys:
    backup_storage_gb: PITR backup storage beyond the free allowance (GB).
    long_term_retention_storage_gb: long-term retention backup storage (GB).
Not priced / assumptions:
    Additional storage is looked up as General Purpose storage for both tiers, the meter the
    reference estimator found priced for Business Critical too. Business Critical's licence is
    its own meter. Hybrid Benefit (BasePrice) removes the licence only. Instance pools,
    reserved capacity and the start/stop schedule are not applied.
References:
    https://azure.microsoft.com/pricing/details/azure-sql-managed-instance/single/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.azure import _sql
from costgate.resources.base import Pricer, PricingContext, UsageKey

USAGE = (
    UsageKey("backup_storage_gb", "float", "PITR backup storage beyond the free allowance (GB)"),
    UsageKey("long_term_retention_storage_gb", "float", "Long-term retention backup storage (GB)"),
)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    yield from _sql.managed_instance(r, ctx.usage)


PRICER = Pricer(type="azurerm_mssql_managed_instance", price=_price, usage_keys=USAGE, doc=__doc__ or "")
