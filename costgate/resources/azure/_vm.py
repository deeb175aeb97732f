"""Azure virtual machine pricing shared by VMs, scale sets, AKS node pools and ML compute.

What a VM costs does not depend on where it is declared: a size (armSkuName), an operating
system, a purchase option and its OS disk, `count` times. Azure sells each size per hour under
serviceName "Virtual Machines"; Windows sizes carry the Windows license in a separate product,
spot and low-priority capacity are separate meters ("D2s v3 Spot", "D2s v3 Low Priority").
Azure Hybrid Benefit (license_type Windows_Server / Windows_Client) brings your own Windows
license: the VM is billed the base (Linux) compute rate.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import replace
from decimal import Decimal
from typing import Any

from costgate.model import HOURS_PER_MONTH, CostComponent, Resource
from costgate.resources.azure._common import azure_query, reserved_query
from costgate.resources.azure._disk import WINDOWS_DEFAULT_SIZE_GB, disk_components, disk_of
from costgate.resources.base import Usage, UsageKey, monthly

HYBRID_LICENSES = frozenset({"windows_server", "windows_client"})
"""license_type values that bring an own Windows license (Azure Hybrid Benefit)."""

PRIORITIES = {"spot": ("spot", "spot"), "low": ("low_priority", "low priority")}
"""Terraform `priority` -> (catalog purchase option, label); Regular is pay as you go."""

RESERVATION_TERMS = {"1_year": ("1 Year", 12), "3_year": ("3 Years", 36)}
"""Usage `reserved_instance_term` -> (Retail Prices reservationTerm, months): a reservation's
retailPrice is the whole term's price, so a month costs 1/12 or 1/36 of it."""

RESERVED_USAGE = UsageKey(
    "reserved_instance_term", "str", "Price as a reserved VM instance: 1_year or 3_year (Linux or hybrid-benefit rates)"
)

VM_USAGE = (
    UsageKey("monthly_hrs", "float", "Hours the VM runs a month", 730),
    UsageKey("os_disk.monthly_disk_operations", "int", "Disk operations a month on the OS disk (Standard HDD/SSD)"),
    RESERVED_USAGE,
)


def arm_sku(size: str) -> str:
    """Azure's ARM size name: sizes given without their tier ("D2s_v3") are Standard_ sizes."""
    return size if size.lower().startswith(("standard_", "basic_")) else f"Standard_{size}"


def vm_hours(
    r: Resource,
    size: str,
    *,
    windows: bool,
    license_type: Any = None,
    priority: Any = None,
    hours: Decimal = HOURS_PER_MONTH,
    count: Decimal = Decimal(1),
    reserved: str | None = None,
) -> CostComponent:
    """Instance hours of `count` VMs of `size`, by OS, hybrid benefit and priority.

    With `reserved` (1_year or 3_year) a pay-as-you-go Linux or hybrid-benefit VM is priced as a
    reservation: one month of the term's price per VM, whatever the hours it runs.
    """
    option, label = PRIORITIES.get(str(priority or "").lower(), ("on_demand", "pay as you go"))
    hybrid = windows and str(license_type or "").lower() in HYBRID_LICENSES
    if hybrid and option == "on_demand":
        label = "hybrid benefit"
    priced_os = "Windows" if windows and not hybrid else "Linux"
    term = RESERVATION_TERMS.get(str(reserved or "").lower())
    if term is not None and option == "on_demand" and priced_os == "Linux":
        attrs = {"armSkuName": arm_sku(size), "type": "Reservation", "unitOfMeasure": "1 Hour"}
        query = reserved_query(r, "Virtual Machines", attrs, reservation_term=term[0], family="Compute", unit="1 Hour")
        name = f"Instance usage ({'Windows' if windows else 'Linux'}, reserved {term[0].lower()}, {arm_sku(size)})"
        return monthly(name, "months", count, query, unit_multiplier=Decimal(1) / term[1])
    attrs = {
        "armSkuName": arm_sku(size),
        "operatingSystem": priced_os,
        "type": "Consumption",
        "unitOfMeasure": "1 Hour",
    }
    query = azure_query(r, "Virtual Machines", attrs, family="Compute", unit="1 Hour", purchase_option=option)
    name = f"Instance usage ({'Windows' if windows else 'Linux'}, {label}, {arm_sku(size)})"
    return monthly(name, "hours", hours * count, query)


def ultra_reservation(r: Resource) -> CostComponent:
    """Ultra disk capacity reserved per vCPU, billed only while no ultra disk is attached (usage)."""
    query = azure_query(
        r,
        "Storage",
        {
            "productName": "Ultra Disks",
            "meterName": "Reservation per vCPU Provisioned",
            "type": "Consumption",
            "unitOfMeasure": "1/Hour",
        },
        family="Storage",
        unit="1/Hour",
    )
    return monthly("Ultra disk reservation (if unattached)", "vCPU", None, query, unit_multiplier=HOURS_PER_MONTH)


LINUX_PUBLISHERS = frozenset(
    {"canonical", "redhat", "suse", "openlogic", "debian", "credativ", "kinvolk", "almalinux", "resf"}
)
"""Marketplace publishers of Linux images only (Ubuntu, RHEL, SLES, CentOS, Debian, Flatcar, AlmaLinux, Rocky)."""
LINUX_OFFERS = ("ubuntu", "rhel", "centos", "debian", "sles", "suse", "almalinux", "rockylinux", "flatcar")
WINDOWS_PUBLISHERS = frozenset({"microsoftwindowsserver", "microsoftwindowsdesktop"})


def image_windows(image: Mapping[str, Any]) -> bool | None:
    """What a marketplace image reference says of the OS: True for a Windows image, False for a
    known Linux one, None when it does not tell (no image, or a custom / third-party offer).

    The image decides what Azure bills: the Windows license comes with a Windows image, whatever
    `os_type` or OS profile block the configuration also sets.
    """
    publisher = str(image.get("publisher") or "").lower()
    offer = str(image.get("offer") or "").lower()
    if publisher in WINDOWS_PUBLISHERS or "windows" in offer:
        return True
    if publisher in LINUX_PUBLISHERS or any(token in offer for token in LINUX_OFFERS):
        return False
    return None


def os_disk_default_gb(windows: bool, image: Mapping[str, Any] | None = None) -> Decimal | None:
    """The size of an OS disk the plan does not size: 127 GiB on Windows, whose Server images ship a
    127 GiB disk, except the "smalldisk" image SKUs (30 GiB); None: the Linux default (30 GiB)."""
    if not windows or "smalldisk" in str((image or {}).get("sku") or "").lower():
        return None
    return WINDOWS_DEFAULT_SIZE_GB


def os_disk_components(
    r: Resource,
    block: Mapping[str, Any],
    usage: Usage,
    *,
    windows: bool,
    path: str,
    type_key: str = "storage_account_type",
    size_key: str = "disk_size_gb",
    count: Decimal = Decimal(1),
    usage_key: str = "os_disk",
    image: Mapping[str, Any] | None = None,
) -> Iterator[CostComponent]:
    """An OS (or data) disk block's storage and operations; a disk of unknown type is left out."""
    default = os_disk_default_gb(windows, image)
    disk = disk_of(block.get(type_key), block.get(size_key), path=path, default_size=default)
    if disk is not None:
        yield from disk_components(r, disk, usage.number(f"{usage_key}.monthly_disk_operations"), count=count)


def ultra_enabled(r: Resource) -> bool:
    """Whether the VM reserves ultra disk capacity (additional_capabilities.ultra_ssd_enabled)."""
    return bool(r.block("additional_capabilities").get("ultra_ssd_enabled"))


def scaled(components: Iterator[CostComponent], count: Decimal | None) -> Iterator[CostComponent]:
    """Components of one instance, `count` times (None: instance count depends on usage)."""
    for c in components:
        q = c.monthly_quantity
        yield replace(
            c,
            monthly_quantity=None if q is None or count is None else q * count,
            usage_based=c.usage_based or count is None,
        )


SCALE_SET_USAGE = (
    UsageKey("instances", "int", "Instances the scale set runs (default: its `instances` / capacity)"),
    UsageKey("monthly_hrs", "float", "Hours each instance runs a month", 730),
    UsageKey("os_disk.monthly_disk_operations", "int", "Disk operations a month on each instance's OS disk"),
    RESERVED_USAGE,
)


def instance_count(usage: Usage, given: Any) -> Decimal | None:
    """Instances of a scale set: usage `instances`, else the plan's count (None when unknown)."""
    found = usage.number("instances")
    if found is not None:
        return found
    try:
        return None if given is None or isinstance(given, bool) else Decimal(str(given))
    except ArithmeticError:
        return None


def scale_set_components(
    r: Resource,
    usage: Usage,
    *,
    size: Any,
    windows: bool,
    count: Decimal | None,
    disks: list[tuple[Mapping[str, Any], str, str, str, str]],
    license_type: Any = None,
    priority: Any = None,
    image: Mapping[str, Any] | None = None,
) -> Iterator[CostComponent]:
    """Instance hours and per-instance disks of `count` instances (None: depends on usage).

    `disks` lists (block, path, type key, size key, usage key) for every disk each instance has.
    """

    def one() -> Iterator[CostComponent]:
        if size:
            hours = usage.number("monthly_hrs")
            yield vm_hours(
                r,
                str(size),
                windows=windows,
                license_type=license_type,
                priority=priority,
                hours=HOURS_PER_MONTH if hours is None else hours,
                reserved=usage.text("reserved_instance_term"),
            )
        for i, (block, path, type_key, size_key, usage_key) in enumerate(disks):
            yield from os_disk_components(
                r,
                block,
                usage,
                windows=windows and i == 0,
                path=path,
                type_key=type_key,
                size_key=size_key,
                usage_key=usage_key,
                image=image,
            )

    yield from scaled(one(), count)
