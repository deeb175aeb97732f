"""google_compute_instance: a Compute Engine VM with its boot disk, local SSDs and GPUs.

Prices:
    Instance usage: per hour by machine type, on demand, spot/preemptible (scheduling.preemptible
    or provisioning_model = "SPOT") or committed use (usage: committed_use_term).
    Custom machine types (custom-6-20480, n2-custom-..., -ext): vCPUs, memory and extended
    memory per hour of the machine family.
    Boot disk: provisioned storage by type (pd-standard unless initialize_params says otherwise).
    Local SSD: 375 GB per scratch_disk. GPUs: per GPU-hour for every guest_accelerator.
    External IP address: per hour for each access_config that takes an ephemeral address (Google
    bills in-use external IPv4 addresses; spot/preemptible VMs at a lower rate).
Usage keys:
    monthly_hrs: hours the VM runs a month (default 730).
    committed_use_term: 1_year or 3_year, to price machine and local SSD at committed-use rates.
    sustained_use_discount: true to apply Google's sustained-use discount to N1, N2, N2D, C2, M1
    and M2 machines run on demand (off by default; the component name states the discount).
Not priced / assumptions:
    A boot disk from an existing disk (boot_disk.source) and attached_disk blocks are priced on
    their google_compute_disk. A boot disk without a size is 10 GB (public images' size).
    A static address the configuration declares (access_config.nat_ip referencing a
    google_compute_address) is priced on that address, not here.
    Licences of premium images (Windows, RHEL, SLES) are not priced. The shipped catalog has no
    per-vCPU/per-GB rows for custom machine types, so they show as not priced.
References:
    https://cloud.google.com/compute/vm-instance-pricing
    https://cloud.google.com/compute/disks-image-pricing
    https://cloud.google.com/compute/docs/sustained-use-discounts
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from costgate.model import HOURS_PER_MONTH, CostComponent, Resource
from costgate.resources.base import Pricer, PricingContext, UsageKey, dec
from costgate.resources.google._common import purchase_of
from costgate.resources.google._compute import (
    COMPUTE_USAGE,
    DEFAULT_BOOT_GB,
    Disk,
    MachineSpec,
    ephemeral_ips,
    gpus_of,
    machine_components,
)

USAGE = (UsageKey("monthly_hrs", "float", "Hours the VM runs a month", 730), *COMPUTE_USAGE)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    boot = r.block("boot_disk")
    params = boot.get("initialize_params") or [{}]
    params = params[0] if isinstance(params, list) and params else {}
    disks = []
    if not boot.get("source"):
        disks.append(
            Disk(
                str(params.get("type") or "pd-standard"),
                dec(params.get("size")) or DEFAULT_BOOT_GB,
                iops=dec(params.get("provisioned_iops")),
            )
        )
    static = len(r.refs.get("network_interface.access_config.nat_ip", ()))
    spec = MachineSpec(
        r.get("machine_type"),
        purchase_of(r.block("scheduling"), ctx.usage),
        gpus_of(r.blocks("guest_accelerator")),
        tuple(disks),
        len(r.blocks("scratch_disk")),
        external_ips=ephemeral_ips(r.values.get("network_interface"), static),
    )
    hours = ctx.usage.number("monthly_hrs")
    yield from machine_components(r, spec, ctx.usage, hours=HOURS_PER_MONTH if hours is None else Decimal(hours))


PRICER = Pricer(type="google_compute_instance", price=_price, usage_keys=USAGE, doc=__doc__ or "")
