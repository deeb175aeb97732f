"""google_compute_instance_from_machine_image: a VM created from a machine image.

Prices:
    As google_compute_instance: machine (on demand, spot/preemptible or committed), boot disk,
    local SSDs, GPUs and ephemeral external IPs, taken from the instance the machine image was
    made from (google_compute_machine_image.source_instance) and overridden by the resource's own
    arguments (machine_type, scheduling, ...). The image's copies of that instance's attached
    disks: as google_compute_disk, one line set per disk in the configuration.
Usage keys:
    monthly_hrs: hours the VM runs a month (default 730).
    committed_use_term: 1_year or 3_year, to price at committed-use rates.
    sustained_use_discount: true to apply sustained-use discounts (off by default).
Not priced / assumptions:
    A machine image or source instance outside the configuration leaves only the resource's own
    arguments, and a boot disk at google_compute_instance's default (10 GB pd-standard). A boot disk
    the source instance attached from an existing disk (boot_disk.source) is not priced here.
    The machine image's own storage is priced on google_compute_machine_image.
References:
    https://cloud.google.com/compute/vm-instance-pricing
    https://cloud.google.com/compute/docs/machine-images/create-instance-from-machine-image
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from costgate.model import CostComponent, Resource
from costgate.resources.base import Pricer, PricingContext
from costgate.resources.google.compute_disk import PRICER as DISK
from costgate.resources.google.compute_instance import PRICER as INSTANCE
from costgate.resources.google.compute_instance import USAGE


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    image = ctx.resolve(r, "source_machine_image")
    source = ctx.resolve(image, "source_instance") if image is not None else None
    own = {k: v for k, v in r.values.items() if v not in (None, [], {})}
    if source is None:
        yield from INSTANCE.price(r, ctx)
        return
    vm = replace(r, values={**source.values, **own}, refs={**source.refs, **r.refs})
    yield from INSTANCE.price(vm, ctx)
    for i, address in enumerate(source.refs.get("attached_disk.source", ())):
        disk = ctx.resources.get(address)
        if disk is None and source.module:
            disk = ctx.resources.get(f"{source.module}.{address}")
        if disk is None:
            continue
        for c in DISK.price(replace(disk, region=r.region or disk.region), ctx):
            yield replace(c, name=f"{c.name} (attached disk {i + 1})", path=f"attached_disk[{i}]")


PRICER = Pricer(type="google_compute_instance_from_machine_image", price=_price, usage_keys=USAGE, doc=__doc__ or "")
