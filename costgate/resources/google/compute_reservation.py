"""google_compute_reservation: a zonal reservation of Compute Engine capacity.

Prices:
    Reserved VMs: count times the machine type, GPUs and local SSDs of instance_properties,
    billed by the hour whether or not VMs use the reservation (on demand, or at committed-use
    rates when the usage says the reservation is covered by a commitment).
Usage keys:
    committed_use_term: 1_year or 3_year, when a commitment covers the reservation.
    sustained_use_discount: true to apply sustained-use discounts (off by default).
Not priced / assumptions:
    Google bills a reservation's resources at the VMs' rates; VMs that consume it are billed
    again on their own resources, so count either the reservation or its VMs, not both (costgate
    prices both as declared). A reservation built from source_instance_template takes the
    template's machine when it is in the configuration. Disks are not reserved.
References:
    https://cloud.google.com/compute/docs/instances/reservations-overview#how_reservations_work
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from costgate.model import CostComponent, Resource
from costgate.resources.base import Pricer, PricingContext, dec
from costgate.resources.google._common import purchase_of
from costgate.resources.google._compute import (
    COMPUTE_USAGE,
    LOCAL_SSD_GB,
    MachineSpec,
    first,
    machine_components,
    template_spec,
)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    specific = r.block("specific_reservation")
    count = dec(specific.get("count"), Decimal(1)) or Decimal(0)
    props = first(specific, "instance_properties")
    purchase = purchase_of({}, ctx.usage)
    template = ctx.resolve(r, "specific_reservation.source_instance_template")
    if not props and template is not None:
        spec = template_spec(template.values, purchase, "")
        spec = MachineSpec(spec.machine_type, purchase, spec.gpus, (), spec.local_ssds)
    else:
        gpus = tuple(
            (
                str(g.get("accelerator_type")).rsplit("/", 1)[-1],
                dec(g.get("accelerator_count"), Decimal(1)) or Decimal(0),
            )
            for g in props.get("guest_accelerators") or []
            if g.get("accelerator_type")
        )
        ssd_gb = sum(
            (dec(s.get("disk_size_gb"), LOCAL_SSD_GB) or LOCAL_SSD_GB for s in props.get("local_ssds") or []),
            Decimal(0),
        )
        spec = MachineSpec(props.get("machine_type"), purchase, gpus, (), int(ssd_gb / LOCAL_SSD_GB))
    yield from machine_components(r, spec, ctx.usage, count=count)


PRICER = Pricer(type="google_compute_reservation", price=_price, usage_keys=COMPUTE_USAGE, doc=__doc__ or "")
