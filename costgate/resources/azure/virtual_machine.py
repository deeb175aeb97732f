"""azurerm_virtual_machine: a VM of the legacy resource type, with its managed disks.

Prices:
    Instance usage: per hour by `vm_size`, Linux or Windows (the image reference decides when it
    names a Windows or a known Linux image; otherwise Windows when the OS disk's `os_type` is
    Windows or a Windows profile is set); Azure Hybrid
    Benefit (`license_type` Windows_Server / Windows_Client) prices the base (Linux) rate.
    Ultra disk reservation: per vCPU-hour when ultra disks are enabled but none is attached (usage).
    Managed OS and data disks (`managed_disk_type`): storage by tier, operations of Standard disks.
Usage keys:
    monthly_hrs: hours the VM runs a month (default 730).
    storage_os_disk.monthly_disk_operations: disk operations a month on the OS disk.
    storage_data_disk.monthly_disk_operations: disk operations a month on each data disk.
Not priced / assumptions:
    Unmanaged disks (`vhd_uri`) are page blobs billed by their storage account. An OS disk without
    `disk_size_gb` is 30 GiB; on Windows 127 GiB, the disk of Windows Server marketplace
    images (30 GiB for their "smalldisk" SKUs), where the reference estimator assumes 30 GiB.
    The reference estimator adds the ultra disk reservation (usage) to every VM; Azure bills it
    only to VMs that enable ultra disk compatibility, so only those carry it here.
References:
    https://azure.microsoft.com/pricing/details/virtual-machines/
    https://azure.microsoft.com/pricing/details/managed-disks/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import HOURS_PER_MONTH, CostComponent, Resource
from costgate.resources.azure._vm import image_windows, os_disk_components, ultra_enabled, ultra_reservation, vm_hours
from costgate.resources.base import Pricer, PricingContext, UsageKey

USAGE = (
    UsageKey("monthly_hrs", "float", "Hours the VM runs a month", 730),
    UsageKey("storage_os_disk.monthly_disk_operations", "int", "Disk operations a month on the OS disk"),
    UsageKey("storage_data_disk.monthly_disk_operations", "int", "Disk operations a month on each data disk"),
)


def is_windows(r: Resource) -> bool:
    """The image decides (a Windows or a known Linux image); without one that tells, the OS disk's
    `os_type` or a Windows profile does."""
    by_image = image_windows(r.block("storage_image_reference"))
    if by_image is not None:
        return by_image
    os_type = str(r.block("storage_os_disk").get("os_type") or "").lower()
    return os_type == "windows" or bool(r.blocks("os_profile_windows_config"))


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    windows = is_windows(r)
    if size := r.get("vm_size"):
        hours = ctx.usage.number("monthly_hrs")
        yield vm_hours(
            r,
            size,
            windows=windows,
            license_type=r.get("license_type"),
            hours=HOURS_PER_MONTH if hours is None else hours,
        )
    if ultra_enabled(r):
        yield ultra_reservation(r)
    yield from os_disk_components(
        r,
        r.block("storage_os_disk"),
        ctx.usage,
        windows=windows,
        path="storage_os_disk",
        type_key="managed_disk_type",
        usage_key="storage_os_disk",
        image=r.block("storage_image_reference"),
    )
    for i, block in enumerate(r.blocks("storage_data_disk")):
        yield from os_disk_components(
            r,
            block,
            ctx.usage,
            windows=False,
            path=f"storage_data_disk[{i}]",
            type_key="managed_disk_type",
            usage_key="storage_data_disk",
        )


PRICER = Pricer(type="azurerm_virtual_machine", price=_price, usage_keys=USAGE, doc=__doc__ or "")
