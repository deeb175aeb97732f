"""google_dataproc_cluster: a Dataproc (managed Spark/Hadoop) cluster.

Prices:
    The cluster's VMs, per role (master, workers, secondary workers): num_instances times the
    machine type, boot disk, local SSDs and GPUs (see google_compute_instance); secondary workers
    at spot/preemptible rates unless preemptibility is NON_PREEMPTIBLE.
    Dataproc fee: per vCPU-hour of every VM of the cluster.
Usage keys:
    committed_use_term: 1_year or 3_year, to price the on-demand VMs at committed-use rates.
    sustained_use_discount: true to apply sustained-use discounts (off by default).
Not priced / assumptions:
    Unset, GCP picks: 1 master and 2 workers, n1-standard-4 machines, 500 GB pd-standard boot
    disks (Dataproc's defaults). Autoscaling is priced at the declared counts. Dataproc Serverless
    and the fee's catalog rows (service Cloud Dataproc) are not in the shipped catalog: the fee
    shows as not priced until `catalog refresh`.
References:
    https://cloud.google.com/dataproc/pricing
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from decimal import Decimal
from typing import Any

from costgate.model import HOURS_PER_MONTH, CostComponent, Resource
from costgate.resources.base import Pricer, PricingContext, dec, monthly
from costgate.resources.google._common import ON_DEMAND, Purchase, gcp_query, purchase_of
from costgate.resources.google._compute import COMPUTE_USAGE, CUSTOM_RE, Disk, MachineSpec, first, machine_components

ROLES = (("master_config", Decimal(1)), ("worker_config", Decimal(2)), ("preemptible_worker_config", Decimal(0)))
DEFAULT_MACHINE, DEFAULT_BOOT_GB = "n1-standard-4", Decimal(500)
SHARED_CORE_VCPUS = {"micro": 2, "small": 2, "medium": 2}
"""e2 shared-core machines: Dataproc bills their 2 vCPUs."""


def vcpus_of(machine: str) -> Decimal | None:
    """vCPUs of a machine type name (n2-standard-8 -> 8, custom-6-20480 -> 6)."""
    if m := CUSTOM_RE.match(machine):
        return Decimal(m.group("cpus"))
    last = machine.rsplit("-", 1)[-1]
    if last.isdigit():
        return Decimal(last)
    return Decimal(SHARED_CORE_VCPUS[last]) if last in SHARED_CORE_VCPUS else None


def _role(
    r: Resource, role: str, config: Mapping[str, Any], default_count: Decimal, purchase: Purchase
) -> tuple[MachineSpec, Decimal]:
    disk = first(config, "disk_config")
    count = dec(config.get("num_instances"), default_count)
    disks = (
        Disk(
            str(disk.get("boot_disk_type") or "pd-standard"),
            dec(disk.get("boot_disk_size_gb")) or DEFAULT_BOOT_GB,
            role,
        ),
    )
    gpus = tuple(
        (str(a.get("accelerator_type")).rsplit("/", 1)[-1], dec(a.get("accelerator_count"), Decimal(1)) or Decimal(0))
        for a in config.get("accelerators") or []
        if a.get("accelerator_type")
    )
    ssds = int(dec(disk.get("num_local_ssds"), Decimal(0)) or 0)
    return MachineSpec(
        str(config.get("machine_type") or DEFAULT_MACHINE), purchase, gpus, disks, ssds, role
    ), count or Decimal(0)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    cluster = r.block("cluster_config")
    vcpu_hours = Decimal(0)
    for role, default in ROLES:
        config = first(cluster, role)
        if not config and role == "preemptible_worker_config":
            continue
        spot = (
            role == "preemptible_worker_config"
            and str(config.get("preemptibility") or "PREEMPTIBLE") != "NON_PREEMPTIBLE"
        )
        purchase = (
            Purchase("spot", "Preemptible", "preemptible")
            if spot
            else purchase_of({}, ctx.usage)
            if role != "preemptible_worker_config"
            else ON_DEMAND
        )
        spec, count = _role(r, role, config, default, purchase)
        if count > 0:
            yield from machine_components(r, spec, ctx.usage, count=count)
            vcpu_hours += (vcpus_of(spec.machine_type or "") or Decimal(0)) * count * HOURS_PER_MONTH
    q = gcp_query(
        r,
        "Cloud Dataproc",
        {"resourceGroup": "DataprocFee", "usageType": "OnDemand"},
        family="ApplicationServices",
        unit="h",
    )
    yield monthly("Dataproc fee", "vCPU-hours", vcpu_hours, q)


PRICER = Pricer(type="google_dataproc_cluster", price=_price, usage_keys=COMPUTE_USAGE, doc=__doc__ or "")
