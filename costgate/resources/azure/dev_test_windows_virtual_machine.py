"""azurerm_dev_test_windows_virtual_machine: a Windows VM in a DevTest Labs lab.

Prices:
    Instance usage: per hour by `size` at the Windows pay-as-you-go rate (DevTest Labs adds no
    charge of its own), for the hours it runs (usage: monthly_hrs; a lab's auto-shutdown lowers it).
    OS disk: a managed disk of the image's size (127 GiB, Windows Server images), Standard HDD or
    Premium SSD (`storage_type`), and its operations on Standard disks (usage).
Usage keys:
    monthly_hrs: hours the VM runs a month (default 730).
    os_disk.monthly_disk_operations: disk operations a month on a Standard OS disk.
Not priced / assumptions:
    Dev/test subscription rates (lower Windows prices) are not used. The lab's storage account and
    other resources are priced on their own.
References:
    https://azure.microsoft.com/pricing/details/devtest-lab/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import HOURS_PER_MONTH, CostComponent, Resource
from costgate.resources.azure._vm import os_disk_components, vm_hours
from costgate.resources.base import Pricer, PricingContext, UsageKey

USAGE = (
    UsageKey("monthly_hrs", "float", "Hours the VM runs a month", 730),
    UsageKey("os_disk.monthly_disk_operations", "int", "Disk operations a month on a Standard OS disk"),
)
DISK_KINDS = {"standard": "Standard_LRS", "premium": "Premium_LRS", "standardssd": "StandardSSD_LRS"}


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    if size := r.get("size"):
        hours = ctx.usage.number("monthly_hrs")
        yield vm_hours(r, size, windows=True, hours=HOURS_PER_MONTH if hours is None else hours)
    kind = DISK_KINDS.get(str(r.get("storage_type") or "Standard").lower(), "Standard_LRS")
    yield from os_disk_components(r, {"storage_account_type": kind}, ctx.usage, windows=True, path="os_disk")


PRICER = Pricer(type="azurerm_dev_test_windows_virtual_machine", price=_price, usage_keys=USAGE, doc=__doc__ or "")
