"""Azure managed disk pricing shared by managed disks, VM OS/data disks and scale sets.

Standard HDD (S*), Standard SSD (E*) and Premium SSD (P*) disks are sold in fixed size tiers:
a disk is billed as the smallest tier that holds it, per disk-month (Retail Prices meter
"<tier> <LRS|ZRS> Disk", productName "<kind> Managed Disks"). Standard HDD/SSD also bill
transactions per 10,000 ("<tier> <LRS|ZRS> Disk Operations"). Ultra disks and Premium SSD v2
bill provisioned GiB, IOPS and MB/s by the hour. Tier sizes: Azure's managed disk docs.
Transactions are billed under one meter per disk kind whatever the disk's tier: Azure's billing
guide (learn.microsoft.com/azure/virtual-machines/disks-understanding-billing) shows a 512 GiB
Standard HDD billed as "S20 LRS Disk" plus "S4 LRS Disk Operations", and a 1 TiB Standard SSD
as "E30 LRS Disk" plus "E4 LRS Disk Operations".
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from decimal import ROUND_CEILING, Decimal
from typing import Any

from costgate.model import HOURS_PER_MONTH, CostComponent, Resource
from costgate.resources.azure._common import azure_query
from costgate.resources.base import dec, monthly

TIERS: Mapping[str, tuple[tuple[str, int], ...]] = {
    "Standard": (
        ("S4", 32),
        ("S6", 64),
        ("S10", 128),
        ("S15", 256),
        ("S20", 512),
        ("S30", 1024),
        ("S40", 2048),
        ("S50", 4096),
        ("S60", 8192),
        ("S70", 16384),
        ("S80", 32767),
    ),
    "StandardSSD": (
        ("E1", 4),
        ("E2", 8),
        ("E3", 16),
        ("E4", 32),
        ("E6", 64),
        ("E10", 128),
        ("E15", 256),
        ("E20", 512),
        ("E30", 1024),
        ("E40", 2048),
        ("E50", 4096),
        ("E60", 8192),
        ("E70", 16384),
        ("E80", 32767),
    ),
    "Premium": (
        ("P1", 4),
        ("P2", 8),
        ("P3", 16),
        ("P4", 32),
        ("P6", 64),
        ("P10", 128),
        ("P15", 256),
        ("P20", 512),
        ("P30", 1024),
        ("P40", 2048),
        ("P50", 4096),
        ("P60", 8192),
        ("P70", 16384),
        ("P80", 32767),
    ),
}
"""Size tiers (name, GiB) per disk kind, smallest first."""

PRODUCTS = {
    "Standard": "Standard HDD Managed Disks",
    "StandardSSD": "Standard SSD Managed Disks",
    "Premium": "Premium SSD Managed Disks",
}
KINDS = {k.lower(): k for k in (*TIERS, "UltraSSD", "PremiumV2")}
OPERATIONS_TIER = {"Standard": "S4", "StandardSSD": "E4"}
"""The tier whose "<tier> <REDUNDANCY> Disk Operations" meter bills every disk's transactions, per kind."""

DEFAULT_SIZE_GB = Decimal(30)
"""An OS disk whose size the plan does not give: 30 GiB, the size of Linux marketplace images."""
WINDOWS_DEFAULT_SIZE_GB = Decimal(127)
"""A Windows OS disk whose size the plan does not give: 127 GiB, the Windows Server images' disk."""

ULTRA_SMALL_SIZES_GB = (4, 8, 16, 32, 64, 128, 256, 512)
"""Ultra disk sizes up to 512 GiB; above, sizes go in 1 TiB steps. A disk bills its size's capacity."""

ULTRA_DEFAULTS = (Decimal(1024), Decimal(2048), Decimal(8))
"""Ultra disk size, IOPS and MB/s when the plan leaves them to Azure's defaults."""
PREMIUM_V2_FREE_IOPS, PREMIUM_V2_FREE_MBPS = Decimal(3000), Decimal(125)
"""Premium SSD v2 includes 3,000 IOPS and 125 MB/s at no charge."""

SNAPSHOT_METER = {
    "productName": "Standard HDD Managed Disks",
    "skuName": "Snapshots LRS",
    "meterName": "LRS Snapshots",
    "type": "Consumption",
    "unitOfMeasure": "1 GB/Month",
}
"""Snapshots of managed disks and images: Retail Prices' standard LRS snapshot meter."""

SNAPSHOT_METERS = {
    "standard_lrs": ("Standard HDD Managed Disks", "Snapshots LRS", "LRS Snapshots"),
    "standard_zrs": ("Standard HDD Managed Disks", "Snapshots ZRS", "ZRS Snapshots"),
    "premium_lrs": ("Premium SSD Managed Disks", "Snapshots LRS", "LRS Snapshots"),
}
"""Snapshot meters (productName, skuName, meterName) by storage account type (gallery replicas)."""


@dataclass(frozen=True, slots=True)
class Disk:
    """One managed disk: kind (Standard, StandardSSD, Premium, UltraSSD, PremiumV2), redundancy, size."""

    kind: str
    redundancy: str
    size_gb: Decimal | None
    iops: Decimal | None = None
    mbps: Decimal | None = None
    path: str = ""
    tier: str | None = None
    """A performance tier set above the size's own (`tier = "P30"` on a Premium disk) bills as that tier."""


def disk_of(
    storage_account_type: Any,
    size_gb: Any,
    *,
    iops: Any = None,
    mbps: Any = None,
    path: str = "",
    default_size: Decimal | None = None,
    tier: Any = None,
) -> Disk | None:
    """A Disk from Terraform's `storage_account_type` ("Premium_LRS"); None when the type is unknown."""
    if not isinstance(storage_account_type, str) or "_" not in storage_account_type:
        return None
    prefix, _, redundancy = storage_account_type.partition("_")
    kind = KINDS.get(prefix.lower())
    if kind is None:
        return None
    size = dec(size_gb)
    chosen = str(tier).upper() if isinstance(tier, str) and tier and kind == "Premium" else None
    return Disk(kind, redundancy.upper(), size if size else default_size, dec(iops), dec(mbps), path, chosen)


def tier_of(kind: str, size_gb: Decimal) -> str | None:
    """The smallest tier of `kind` holding `size_gb` (None above the largest)."""
    for name, size in TIERS.get(kind, ()):
        if size >= size_gb:
            return name
    return None


def _larger(kind: str, by_size: str | None, chosen: str | None) -> str | None:
    """The billed tier: the size's own, or a higher performance tier chosen on the disk."""
    names = [name for name, _ in TIERS.get(kind, ())]
    if by_size is None or chosen not in names:
        return by_size
    return chosen if names.index(chosen) > names.index(by_size) else by_size


def _q(r: Resource, attrs: Mapping[str, str], unit: str) -> Any:
    return azure_query(
        r, "Storage", {**attrs, "type": "Consumption", "unitOfMeasure": unit}, family="Storage", unit=unit
    )


def disk_components(
    r: Resource, disk: Disk, operations: Decimal | None, *, count: Decimal = Decimal(1)
) -> Iterator[CostComponent]:
    """Storage (per tier or provisioned), and operations for Standard disks, `count` times."""
    if disk.kind == "UltraSSD":
        yield from _provisioned(r, disk, count, "Ultra Disks", "", ULTRA_DEFAULTS, (Decimal(0), Decimal(0)))
        return
    if disk.kind == "PremiumV2":
        yield from _provisioned(
            r,
            disk,
            count,
            "Azure Premium SSD v2",
            f"Premium {disk.redundancy} ",
            (Decimal(0), PREMIUM_V2_FREE_IOPS, PREMIUM_V2_FREE_MBPS),
            (PREMIUM_V2_FREE_IOPS, PREMIUM_V2_FREE_MBPS),
        )
        return
    size = disk.size_gb if disk.size_gb is not None else DEFAULT_SIZE_GB
    tier = _larger(disk.kind, tier_of(disk.kind, size), disk.tier)
    if tier is None:
        return
    sku = f"{tier} {disk.redundancy}"
    product = PRODUCTS[disk.kind]
    yield monthly(
        f"Storage ({tier}, {disk.redundancy})",
        "months",
        count,
        _q(r, {"productName": product, "skuName": sku, "meterName": f"{sku} Disk"}, "1/Month"),
        path=disk.path,
    )
    if disk.kind in OPERATIONS_TIER:
        ops = None if operations is None else operations / 10000 * count
        ops_sku = f"{OPERATIONS_TIER[disk.kind]} {disk.redundancy}"
        yield monthly(
            "Disk operations",
            "10k operations",
            ops,
            _q(r, {"productName": product, "skuName": ops_sku, "meterName": f"{ops_sku} Disk Operations"}, "10K"),
            path=disk.path,
            usage_based=True,
        )


def ultra_billed_gb(size_gb: Decimal) -> Decimal:
    """The capacity an ultra disk bills: its size rounded up to an ultra disk size (4 ... 512 GiB,
    then whole TiB), e.g. 2,000 GiB bills 2,048."""
    for step in ULTRA_SMALL_SIZES_GB:
        if size_gb <= step:
            return Decimal(step)
    return (size_gb / 1024).to_integral_value(rounding=ROUND_CEILING) * 1024


def _provisioned(
    r: Resource,
    disk: Disk,
    count: Decimal,
    product: str,
    meter_prefix: str,
    defaults: tuple[Decimal, ...],
    free: tuple[Decimal, Decimal],
) -> Iterator[CostComponent]:
    """Provisioned capacity (GiB), IOPS and throughput, each billed by the hour (Ultra, Premium SSD v2)."""
    size = disk.size_gb if disk.size_gb is not None else defaults[0]
    if disk.kind == "UltraSSD":
        size = ultra_billed_gb(size)
    iops = disk.iops if disk.iops is not None else defaults[1]
    mbps = disk.mbps if disk.mbps is not None else defaults[2]
    label = "ultra" if disk.kind == "UltraSSD" else "premium v2"
    yield monthly(
        f"Storage ({label}, {size} GiB)",
        "GiB",
        size * count,
        _q(r, {"productName": product, "meterName": f"{meter_prefix}Provisioned Capacity"}, "1 GiB/Hour"),
        path=disk.path,
        unit_multiplier=HOURS_PER_MONTH,
    )
    yield monthly(
        "Provisioned IOPS",
        "IOPS",
        max(Decimal(0), iops - free[0]) * count,
        _q(r, {"productName": product, "meterName": f"{meter_prefix}Provisioned IOPS"}, "1/Hour"),
        path=disk.path,
        unit_multiplier=HOURS_PER_MONTH,
    )
    yield monthly(
        "Throughput",
        "MB/s",
        max(Decimal(0), mbps - free[1]) * count,
        _q(r, {"productName": product, "meterName": f"{meter_prefix}Provisioned Throughput (MBps)"}, "1/Hour"),
        path=disk.path,
        unit_multiplier=HOURS_PER_MONTH,
    )
