"""AKS node pools, shared by azurerm_kubernetes_cluster (its default pool) and node pool resources.

A pool is `count` VMs of one size, each with a managed OS disk unless the disk is ephemeral
(kept on the VM's local storage, no disk charge). AKS picks the OS disk's kind by the size:
premium storage where the size supports it ("s" sizes, DS, GS, M), else Standard HDD; 128 GiB
unless `os_disk_size_gb` says otherwise (the provider's default). Transactions of Standard HDD
OS disks are not priced (no usage key reaches a pool's disks).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import replace
from decimal import Decimal
from typing import Any

from costgate.model import HOURS_PER_MONTH, CostComponent, Resource
from costgate.resources.azure._disk import Disk, disk_components
from costgate.resources.azure._vm import scaled, vm_hours
from costgate.resources.base import Usage, dec

AKS_OS_DISK_GB = Decimal(128)
_PREMIUM_SERIES = ("ds", "gs", "m")
_PREMIUM_SUFFIX = re.compile(r"\d+[a-z]*s")


def premium_capable(size: str) -> bool:
    """Whether a VM size supports premium storage (Azure: 's' in the size name, DS, GS and M series)."""
    parts = size.lower().split("_")
    series = parts[1] if len(parts) > 1 else ""
    return series.startswith(_PREMIUM_SERIES) or bool(_PREMIUM_SUFFIX.search(series))


def node_count(pool: Mapping[str, Any], usage: Usage, prefix: str = "") -> Decimal | None:
    """Nodes of a pool: usage `nodes`, else `node_count`, else `min_count` when autoscaling, else 1
    (the provider's default). An autoscaled pool that may scale to zero (`min_count = 0`, no
    `node_count`) runs however many its load needs: None, depends on usage, never a guess."""
    given = usage.number(f"{prefix}nodes")
    if given is not None:
        return given
    for key in ("node_count", "min_count"):
        count = dec(pool.get(key))
        if count:
            return count
    return None if dec(pool.get("min_count")) == 0 else Decimal(1)


def pool_components(
    r: Resource, pool: Mapping[str, Any], usage: Usage, *, path: str = "", prefix: str = ""
) -> Iterator[CostComponent]:
    """Instance hours and OS disks of every node of a pool (`prefix` scopes usage keys and paths)."""
    size = pool.get("vm_size")
    if not size:
        return
    count = node_count(pool, usage, prefix)
    hours = usage.number(f"{prefix}monthly_hrs")
    windows = "windows" in (str(pool.get("os_type") or "").lower(), str(pool.get("os_sku") or "").lower()[:7])
    vm = vm_hours(
        r, str(size), windows=windows, priority=pool.get("priority"), hours=HOURS_PER_MONTH if hours is None else hours
    )
    yield from scaled(iter([replace(vm, path=path)]), count)
    if str(pool.get("os_disk_type") or "Managed").lower() != "managed":
        return
    kind = "Premium" if premium_capable(str(size)) else "Standard"
    disk = Disk(
        kind, "LRS", dec(pool.get("os_disk_size_gb")) or AKS_OS_DISK_GB, path=f"{path}/os_disk" if path else "os_disk"
    )
    storage = (c for c in disk_components(r, disk, None) if c.name != "Disk operations")
    yield from scaled(storage, count)
