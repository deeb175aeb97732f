"""azurerm_virtual_machine_scale_set: a scale set of the legacy resource type.

Prices:
    Instance usage: per hour by `sku.name` times `sku.capacity`, Linux or Windows (the image
    reference decides when it names a Windows or a known Linux image, else Windows when an
    `os_profile_windows_config` is set), pay as you go or low priority (`priority = "Low"`);
    Azure Hybrid Benefit (`license_type` Windows_Server / Windows_Client) prices the base rate.
    Managed OS and data disks of every instance: storage by tier; operations of Standard disks.
Usage keys:
    instances: instances running (default: `sku.capacity`).
    monthly_hrs: hours each instance runs a month (default 730).
    storage_profile_os_disk.monthly_disk_operations: disk operations a month on each OS disk.
    storage_profile_data_disk.monthly_disk_operations: disk operations a month on each data disk.
Not priced / assumptions:
    Disks are priced for every instance (the reference estimator prices one set of disks for the
    whole scale set). A Windows scale set without `license_type` pays the Windows license (the
    reference estimator defaults it to Windows_Client and prices hybrid benefit). Unmanaged disks (`vhd_containers`) are billed by their storage account.
References:
    https://azure.microsoft.com/pricing/details/virtual-machine-scale-sets/
    https://azure.microsoft.com/pricing/details/managed-disks/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.azure._vm import image_windows, instance_count, scale_set_components
from costgate.resources.base import Pricer, PricingContext, UsageKey

USAGE = (
    UsageKey("instances", "int", "Instances the scale set runs (default: sku.capacity)"),
    UsageKey("monthly_hrs", "float", "Hours each instance runs a month", 730),
    UsageKey("storage_profile_os_disk.monthly_disk_operations", "int", "Disk operations a month on each OS disk"),
    UsageKey("storage_profile_data_disk.monthly_disk_operations", "int", "Disk operations a month on each data disk"),
)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    sku = r.block("sku")
    image = r.block("storage_profile_image_reference")
    by_image = image_windows(image)
    windows = by_image if by_image is not None else bool(r.blocks("os_profile_windows_config"))
    disks = [
        (
            r.block("storage_profile_os_disk"),
            "storage_profile_os_disk",
            "managed_disk_type",
            "disk_size_gb",
            "storage_profile_os_disk",
        )
    ]
    disks += [
        (d, f"storage_profile_data_disk[{i}]", "managed_disk_type", "disk_size_gb", "storage_profile_data_disk")
        for i, d in enumerate(r.blocks("storage_profile_data_disk"))
    ]
    yield from scale_set_components(
        r,
        ctx.usage,
        size=sku.get("name"),
        windows=windows,
        disks=disks,
        count=instance_count(ctx.usage, sku.get("capacity")),
        license_type=r.get("license_type"),
        priority=r.get("priority"),
        image=image,
    )


PRICER = Pricer(type="azurerm_virtual_machine_scale_set", price=_price, usage_keys=USAGE, doc=__doc__ or "")
