"""azurerm_sql_elasticpool: an eDTU elastic pool of the legacy resource (azurerm 1.x-3.x).

Prices:
    The pool per hour by edition and dtu (Azure bills it per day), and extra data storage above
    what the size includes (pool_size, in MB: Standard includes its eDTU count in GB, Premium
    250 GB to 4 TB by size, Basic cannot grow), as azurerm_mssql_elasticpool prices eDTU pools.
Usage keys:
    None.
Not priced / assumptions:
    The pool's own location (or its resource group's), else its server's. The legacy resource
    has only eDTU pools; the databases in it add only their backups.
References:
    https://azure.microsoft.com/pricing/details/azure-sql-database/elastic/
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from costgate.model import CostComponent, Resource
from costgate.resources.azure import _sql
from costgate.resources.azure._common import location_from
from costgate.resources.base import Pricer, PricingContext, dec


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    tier = str(r.get("edition") or "Basic").capitalize()
    size_mb = dec(r.get("pool_size"))
    yield from _sql.dtu_pool(
        r,
        location_from(r, ctx, "server_name"),
        tier,
        int(dec(r.get("dtu"), Decimal(0)) or 0),
        size_mb / 1024 if size_mb else None,
    )


PRICER = Pricer(type="azurerm_sql_elasticpool", price=_price, doc=__doc__ or "")
