"""Azure Database single servers (PostgreSQL, MySQL, MariaDB; retired by Azure, still in plans).

The three services share one shape: sku_name "GP_Gen5_4" names tier, hardware generation and
vCores; Azure's Retail Prices list names the compute meter by productName "Azure Database for
<engine> Single Server General Purpose - Compute Gen5" and skuName "4 vCore", storage by
"<...> General Purpose - Storage" and backups by "<...> Single Server - Backup Storage" with
skuName "Backup LRS" or "Backup GRS".
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from costgate.model import CostComponent, PriceQuery, Resource
from costgate.resources.azure._common import azure_query
from costgate.resources.base import Usage, UsageKey, dec, hourly, monthly, usage_component

TIERS = {"B": "Basic", "GP": "General Purpose", "MO": "Memory Optimized"}
USAGE = (UsageKey("additional_backup_storage_gb", "float", "Backup storage beyond the free allowance (GB)"),)
DEFAULT_STORAGE_MB = Decimal(5120)


def server(r: Resource, engine: str, usage: Usage) -> Iterator[CostComponent]:
    """Compute per hour, storage per GB-month (storage_mb) and additional backup storage (usage)."""
    service, product = f"Azure Database for {engine}", f"Azure Database for {engine} Single Server"

    def q(attrs: dict[str, str], unit: str) -> PriceQuery:
        return azure_query(r, service, {**attrs, "unitOfMeasure": unit}, family="Databases", unit=unit)

    sku = str(r.get("sku_name") or "unknown")
    parts = sku.split("_")
    tier = TIERS.get(parts[0].upper()) if len(parts) == 3 else None
    attrs = (
        {"productName": f"{product} {tier} - Compute {parts[1]}", "skuName": f"{parts[2]} vCore"}
        if tier
        else {"skuName": sku}
    )
    yield hourly(f"Compute ({sku})", q(attrs, "1 Hour"))
    storage_tier = "General Purpose" if tier == "Memory Optimized" else tier or "General Purpose"
    size = (dec(r.get("storage_mb")) or dec(r.block("storage_profile").get("storage_mb")) or DEFAULT_STORAGE_MB) / 1024
    yield monthly("Storage", "GB", size, q({"productName": f"{product} {storage_tier} - Storage"}, "1 GB/Month"))
    geo = (
        r.get("geo_redundant_backup_enabled") is True
        or r.block("storage_profile").get("geo_redundant_backup") == "Enabled"
    )
    yield usage_component(
        "Additional backup storage",
        "GB",
        usage,
        "additional_backup_storage_gb",
        q(
            {"productName": f"{product} - Backup Storage", "skuName": "Backup GRS" if geo else "Backup LRS"},
            "1 GB/Month",
        ),
    )
