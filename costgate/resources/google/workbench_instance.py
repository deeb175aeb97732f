"""google_workbench_instance: a Vertex AI Workbench instance (a managed notebook VM).

Prices:
    The VM of gce_setup: machine type, boot and data disks, GPUs (see google_compute_instance).
    Management fee: per vCPU-hour and per GPU-hour of the instance.
Usage keys:
    monthly_hrs: hours the instance runs a month (default 730; idle shutdown stops it).
Not priced / assumptions:
    Unset, GCP picks an n1-standard-4 machine with a 150 GB pd-standard boot disk and a 100 GB
    data disk. The management fee (service Vertex AI Workbench) is not in the shipped catalog:
    it shows as not priced until `catalog refresh`.
References:
    https://cloud.google.com/vertex-ai/pricing#notebooks
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from costgate.model import HOURS_PER_MONTH, CostComponent, Resource
from costgate.resources.base import Pricer, PricingContext, UsageKey, dec, monthly
from costgate.resources.google._common import gcp_query
from costgate.resources.google._compute import Disk, MachineSpec, first, machine_components
from costgate.resources.google.dataproc_cluster import vcpus_of

USAGE = (UsageKey("monthly_hrs", "float", "Hours the instance runs a month", 730),)
DISK_TYPES = {
    "PD_STANDARD": "pd-standard",
    "PD_BALANCED": "pd-balanced",
    "PD_SSD": "pd-ssd",
    "PD_EXTREME": "pd-extreme",
}


def _disk(block: dict[str, object] | object, default_gb: int, path: str) -> Disk:
    b = block if isinstance(block, dict) else {}
    kind = DISK_TYPES.get(str(b.get("disk_type") or "PD_STANDARD").upper(), "pd-standard")
    return Disk(kind, dec(b.get("disk_size_gb")) or Decimal(default_gb), path)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    setup = r.block("gce_setup")
    machine = str(setup.get("machine_type") or "n1-standard-4")
    disks = (
        _disk(dict(first(setup, "boot_disk")), 150, "boot_disk"),
        _disk(dict(first(setup, "data_disks")), 100, "data_disks"),
    )
    gpus = tuple(
        (str(a.get("type") or "").lower().replace("_", "-"), dec(a.get("core_count"), Decimal(1)) or Decimal(0))
        for a in setup.get("accelerator_configs") or []
        if a.get("type")
    )
    hours = ctx.usage.number("monthly_hrs")
    hours = HOURS_PER_MONTH if hours is None else hours
    yield from machine_components(r, MachineSpec(machine, gpus=gpus, disks=disks), ctx.usage, hours=hours)
    q = gcp_query(
        r,
        "Vertex AI Workbench",
        {"resourceGroup": "ManagementFeeCPU", "usageType": "OnDemand"},
        family="ApplicationServices",
        unit="h",
    )
    yield monthly("Management fee (vCPUs)", "vCPU-hours", (vcpus_of(machine) or Decimal(0)) * hours, q)
    gpu_count = sum((c for _t, c in gpus), Decimal(0))
    if gpu_count:
        q = gcp_query(
            r,
            "Vertex AI Workbench",
            {"resourceGroup": "ManagementFeeGPU", "usageType": "OnDemand"},
            family="ApplicationServices",
            unit="h",
        )
        yield monthly("Management fee (GPUs)", "GPU-hours", gpu_count * hours, q)


PRICER = Pricer(type="google_workbench_instance", price=_price, usage_keys=USAGE, doc=__doc__ or "")
