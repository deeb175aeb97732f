"""Azure Database flexible servers (PostgreSQL, MySQL): SKU translation and shared components.

Terraform names a flexible server's size "GP_Standard_D4s_v3" or "B_Standard_B1ms"; Azure's
Retail Prices list names its compute meter by productName "Azure Database for PostgreSQL
Flexible Server General Purpose Dsv3 Series Compute", skuName "4 vCore", meterName "vCore"
(burstable sizes: the "BS Series" product, skuName = the size in capitals, "B1MS"). Storage
and backup storage are per-GB meters of the same service.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from costgate.model import CostComponent, PriceQuery, Resource
from costgate.resources.azure._common import azure_query
from costgate.resources.base import Usage, UsageKey, hourly, monthly, usage_component

TIERS = {"b": "Burstable", "gp": "General Purpose", "mo": "Memory Optimized"}
FAMILY = "Databases"
# Storage products: Azure abbreviates PostgreSQL's ("Az DB for ...")
STORAGE_PRODUCTS = {
    "PostgreSQL": "Az DB for PostgreSQL Flexible Server Storage",
    "MySQL": "Azure Database for MySQL Flexible Server Storage",
}
BACKUP_USAGE = (UsageKey("additional_backup_storage_gb", "float", "Backup storage beyond the free allowance (GB)"),)


def compute_attributes(engine: str, sku: str) -> dict[str, str] | None:
    """Retail attributes of a flexible server size; None when the SKU is not TIER_Standard_SIZE_VERSION."""
    m = re.fullmatch(r"(B|GP|MO)_Standard_([A-Za-z]+?)(\d+)([a-z]*)(?:_(v\d+))?", sku.strip(), re.IGNORECASE)
    if not m:
        return None
    tier = TIERS[m.group(1).lower()]
    if engine == "MySQL" and tier == "Memory Optimized":  # MySQL renamed the tier
        tier = "Business Critical"
    product = f"Azure Database for {engine} Flexible Server {tier}"
    if tier == "Burstable":
        size = f"{m.group(2)}{m.group(3)}{m.group(4)}".upper()  # Azure spells the size "B1MS"
        return {"productName": f"{product} BS Series Compute", "skuName": size}
    series = f"{m.group(2)}{m.group(4)}{m.group(5) or ''}"
    return {"productName": f"{product} {series} Series Compute", "skuName": f"{m.group(3)} vCore", "meterName": "vCore"}


def query(r: Resource, engine: str, attributes: dict[str, str], unit: str) -> PriceQuery:
    """A query in the "Azure Database for <engine>" service at the server's location."""
    return azure_query(
        r, f"Azure Database for {engine}", {**attributes, "unitOfMeasure": unit}, family=FAMILY, unit=unit
    )


def server(r: Resource, engine: str, usage: Usage, *, storage_gb: Decimal, copies: int) -> Iterator[CostComponent]:
    """Compute per hour (times `copies`: a high-availability standby doubles it), storage per
    GB-month (doubled the same way) and additional backup storage (usage)."""
    sku = str(r.get("sku_name") or "unknown")
    attrs = compute_attributes(engine, sku) or {"skuName": sku}
    yield hourly(f"Compute ({sku})", query(r, engine, attrs, "1 Hour"), count=copies)
    yield monthly(
        "Storage",
        "GB",
        storage_gb * copies,
        query(
            r,
            engine,
            {"productName": STORAGE_PRODUCTS[engine], "meterName": "Storage Data Stored"},
            "1 GB/Month",
        ),
    )
    yield usage_component(
        "Additional backup storage",
        "GB",
        usage,
        "additional_backup_storage_gb",
        query(
            r,
            engine,
            {
                "productName": f"Azure Database for {engine} Flexible Server Backup Storage",
                "meterName": "Backup Storage LRS Data Stored",
            },
            "1 GB/Month",
        ),
    )
