"""azurerm_linux_virtual_machine: a Linux VM with its OS disk.

Prices:
    Instance usage: per hour by size (armSkuName), pay as you go or spot (`priority = "Spot"`).
    Ultra disk reservation: per vCPU-hour when ultra disks are enabled but none is attached (usage).
    OS disk: storage by disk tier (Standard HDD/SSD, Premium SSD) or provisioned size (Ultra,
    Premium SSD v2); disk operations of Standard disks (usage).
Usage keys:
    monthly_hrs: hours the VM runs a month (default 730).
    os_disk.monthly_disk_operations: disk operations a month on a Standard HDD/SSD OS disk.
    reserved_instance_term: 1_year or 3_year prices the VM as a reservation: a month of the term's
    price (Retail Prices type Reservation), whatever the hours it runs.
Not priced / assumptions:
    An OS disk without `disk_size_gb` is 30 GiB (Linux marketplace images). Data disks are
    azurerm_managed_disk resources, priced there. Images with a software plan (RHEL, SUSE,
    marketplace `plan`) bill their software separately; only the compute rate is priced.
    Spot VMs are priced at the spot meter; an eviction or a max bid is not modelled.
References:
    https://azure.microsoft.com/pricing/details/virtual-machines/linux/
    https://azure.microsoft.com/pricing/details/managed-disks/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import HOURS_PER_MONTH, CostComponent, Resource
from costgate.resources.azure._vm import VM_USAGE, os_disk_components, ultra_enabled, ultra_reservation, vm_hours
from costgate.resources.base import Pricer, PricingContext


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    size = r.get("size")
    if size:
        hours = ctx.usage.number("monthly_hrs")
        yield vm_hours(
            r,
            size,
            windows=False,
            priority=r.get("priority"),
            hours=HOURS_PER_MONTH if hours is None else hours,
            reserved=ctx.usage.text("reserved_instance_term"),
        )
    if ultra_enabled(r):
        yield ultra_reservation(r)
    yield from os_disk_components(r, r.block("os_disk"), ctx.usage, windows=False, path="os_disk")


PRICER = Pricer(type="azurerm_linux_virtual_machine", price=_price, usage_keys=VM_USAGE, doc=__doc__ or "")
