"""azurerm_capacity_reservation: an on-demand capacity reservation of a VM size.

Prices:
    Reserved capacity: per VM-hour by `sku.name` times `sku.capacity`, at the Linux pay-as-you-go
    rate, whether or not VMs use it.
Usage keys:
    (none)
Not priced / assumptions:
    Azure bills reserved capacity a VM uses as that VM (its OS and license then apply, on the VM
    resource): the figure here is what the reservation costs while unused; a plan holding both
    the reservation and the VMs that fill it counts the capacity twice.
References:
    https://learn.microsoft.com/azure/virtual-machines/capacity-reservation-overview#pricing-and-billing
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from costgate.model import CostComponent, Resource
from costgate.resources.azure._vm import vm_hours
from costgate.resources.base import Pricer, PricingContext, dec


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    sku = r.block("sku")
    group = ctx.resolve(r, "capacity_reservation_group_id")  # the group holds the location
    if size := sku.get("name"):
        yield vm_hours(group or r, str(size), windows=False, count=dec(sku.get("capacity"), Decimal(1)) or Decimal(0))


PRICER = Pricer(type="azurerm_capacity_reservation", price=_price, doc=__doc__ or "")
