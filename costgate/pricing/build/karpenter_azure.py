"""Azure VM pay-as-you-go Linux prices from karpenter-provider-azure's generated table.

The table carries only (arm region, arm SKU name, USD per hour). Rows are written in the
Retail Prices API's own schema (service "Virtual Machines", armRegionName, armSkuName,
meterName, skuName, unitOfMeasure "1 Hour") so that a pricer's query matches both these rows
and rows a `catalog refresh` takes from the API. meterName/skuName are derived from the ARM
name the way Azure spells them ("Standard_D2s_v3" -> "D2s v3"); productName is not in the
source and is left out rather than guessed. Dedicated-host SKUs ("Dsv3_Type1"), placeholder
rows and zero prices (SKUs Azure lists but does not sell pay-as-you-go) are dropped: a
$0 VM would be a silent zero.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from decimal import Decimal, InvalidOperation
from pathlib import Path

from costgate.errors import CatalogBuildError
from costgate.pricing.rows import CatalogRow

SOURCE_ID = "karpenter-azure"
FILE = "karpenter-azure/vm_ondemand.csv"
PRICE_DATE = "2026-06-18"
SERVICE = "Virtual Machines"
_SELLABLE = re.compile(r"^(Standard|Basic)_[A-Za-z0-9_-]+$")


def sku_name(arm_sku_name: str) -> str:
    """Azure's meter/SKU spelling of an ARM VM size: "Standard_D2s_v3" -> "D2s v3"."""
    _tier, _sep, rest = arm_sku_name.partition("_")
    return rest.replace("_", " ")


def vm_attributes(region: str, arm_sku: str, *, operating_system: str = "Linux") -> dict[str, str]:
    """The attribute set a VM pay-as-you-go row carries (shared with the Retail Prices refresh)."""
    name = sku_name(arm_sku)
    return {
        "armRegionName": region,
        "armSkuName": arm_sku,
        "meterName": name,
        "skuName": name,
        "unitOfMeasure": "1 Hour",
        "operatingSystem": operating_system,
        "type": "Consumption",
    }


def rows(prices_dir: Path) -> Iterator[CatalogRow]:
    """Yield one Compute row per (region, VM size) with a positive price."""
    path = prices_dir / FILE
    try:
        handle = path.open(newline="", encoding="utf-8")
    except FileNotFoundError as exc:
        raise CatalogBuildError("price source not found", path=str(path)) from exc
    with handle:
        for line, rec in enumerate(csv.DictReader(handle), start=2):
            try:
                region, arm_sku, price = rec["arm_region"], rec["arm_sku_name"], Decimal(rec["usd_per_hour"])
            except (KeyError, InvalidOperation, TypeError) as exc:
                raise CatalogBuildError(f"line {line}: unexpected row ({exc!r})", path=str(path)) from exc
            if price <= 0 or not _SELLABLE.match(arm_sku) or not region:
                continue
            yield CatalogRow(
                provider="azure",
                service=SERVICE,
                family="Compute",
                region=region,
                attributes=vm_attributes(region, arm_sku),
                unit="1 Hour",
                price=price,
                sku=f"karpenter-azure:{region}:{arm_sku}",
                source=SOURCE_ID,
                price_date=PRICE_DATE,
                description=f"{arm_sku} Linux pay-as-you-go",
            )
