"""azurerm_postgresql_flexible_server_backup: an on-demand backup of a PostgreSQL flexible server.

Prices:
    Backup storage: per GB-month the backup holds (usage: storage_gb), at the flexible server
    backup storage rate (LRS) of the server's location.
Usage keys:
    storage_gb: GB the backup holds beyond the server's free backup allowance.
Not priced / assumptions:
    Azure includes backup storage up to the server's provisioned storage at no charge; the
    server's automated backups are priced on azurerm_postgresql_flexible_server
    (additional_backup_storage_gb): give this backup's billable GB here only, not in both.
    Geo-redundant backup storage is priced at the LRS rate.
References:
    https://azure.microsoft.com/pricing/details/postgresql/flexible-server/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.azure._common import azure_query, location_from
from costgate.resources.azure._flexible import FAMILY
from costgate.resources.base import Pricer, PricingContext, UsageKey, usage_component

USAGE = (UsageKey("storage_gb", "float", "GB the backup holds beyond the server's free backup allowance"),)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    attrs = {
        "productName": "Azure Database for PostgreSQL Flexible Server Backup Storage",
        "meterName": "Backup Storage LRS Data Stored",
        "unitOfMeasure": "1 GB/Month",
    }
    region = location_from(r, ctx, "server_id")
    q = azure_query(r, "Azure Database for PostgreSQL", attrs, family=FAMILY, unit="1 GB/Month", region=region)
    yield usage_component("Backup storage", "GB", ctx.usage, "storage_gb", q)


PRICER = Pricer(type="azurerm_postgresql_flexible_server_backup", price=_price, usage_keys=USAGE, doc=__doc__ or "")
