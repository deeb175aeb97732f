"""azurerm_postgresql_server: an Azure Database for PostgreSQL single server (retired by Azure; azurerm 1.x-3.x).

Prices:
    Compute per hour by sku_name (Basic B_, General Purpose GP_, Memory Optimized MO_ with
    Gen5 vCores); storage per GB-month (storage_mb); additional backup storage per GB-month
    (usage), geo-redundant when geo_redundant_backup_enabled.
Usage keys:
    additional_backup_storage_gb: backup storage beyond the free allowance (the server's size).
Not priced / assumptions:
    storage_mb unset: 5 GB, the provider's default. Memory Optimized storage is looked up as
    General Purpose storage (the same price, as the reference estimator found). The product
    names follow Azure's single-server pattern (costgate/resources/azure/_single_server.py);
    the shipped catalog has no single-server prices, so the lines are reported unpriced with
    their queries until a catalog refresh. Read replicas are separate servers.
References:
    https://learn.microsoft.com/azure/postgresql/single-server/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.azure import _single_server
from costgate.resources.base import Pricer, PricingContext


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    yield from _single_server.server(r, "PostgreSQL", ctx.usage)


PRICER = Pricer(type="azurerm_postgresql_server", price=_price, usage_keys=_single_server.USAGE, doc=__doc__ or "")
