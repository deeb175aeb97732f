"""Compute Engine capacity shared by instances, groups and GKE nodes: machine types (predefined
and custom), GPUs, persistent disks and local SSDs, bought on demand, spot/preemptible or
committed, with sustained-use discounts as an opt-in usage option.

Catalog rows (pricing_data/google/Compute Engine): a machine type is one SKU per
machineType and usageType (OnDemand, Preemptible, Commit1Yr, Commit3Yr); disks are
diskType x replication (zonal, regional) per GiB-month; GPUs are gpuType rows of resourceGroup
GPU. Custom machine types bill per vCPU and per GB of memory (resourceGroup CustomCore /
CustomRAM / CustomExtendedRAM of the machine family), which the shipped catalog lacks: those
components are reported as not priced, never $0.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any

from costgate.model import HOURS_PER_MONTH, CostComponent, Resource
from costgate.resources.base import Usage, UsageKey, dec, monthly
from costgate.resources.google._common import ON_DEMAND, Purchase, compute_query

COMPUTE_USAGE = (
    UsageKey("committed_use_term", "str", "Price as a resource-based committed use discount: 1_year or 3_year"),
    UsageKey("sustained_use_discount", "bool", "Apply Compute Engine sustained-use discounts (off by default)", False),
)

LOCAL_SSD_GB = Decimal(375)
"""Every local SSD partition is 375 GB."""
DEFAULT_BOOT_GB = Decimal(10)
"""A boot disk without a size takes its image's size; public images are 10 GB."""

DISK_LABELS = {"pd-standard": "Standard", "pd-balanced": "Balanced", "pd-ssd": "SSD", "pd-extreme": "Extreme"}
DEFAULT_IOPS = {"pd-extreme": Decimal(100_000), "hyperdisk-extreme": Decimal(350_000)}
"""Provisioned IOPS a disk gets when provisioned_iops is unset (the provider's default values)."""

GPU_TYPES = {
    "nvidia-tesla-k80": "Tesla K80",
    "nvidia-tesla-p4": "Tesla P4",
    "nvidia-tesla-p100": "Tesla P100",
    "nvidia-tesla-v100": "Tesla V100",
    "nvidia-tesla-t4": "Tesla T4",
    "nvidia-tesla-a100": "Tesla A100",
    "nvidia-a100-80gb": "A100 80GB",
    "nvidia-l4": "L4",
    "nvidia-h100-80gb": "H100 80GB",
    "nvidia-h100-mega-80gb": "H100 80GB Mega",
    "nvidia-tesla-p4-vws": "Tesla P4 Virtual Workstation",
    "nvidia-tesla-t4-vws": "Tesla T4 Virtual Workstation",
    "nvidia-l4-vws": "L4 Virtual Workstation",
}
"""guest_accelerator type -> the gpuType of its SKU."""

CUSTOM_RE = re.compile(r"^(?:(?P<family>[a-z0-9]+)-)?custom-(?P<cpus>\d+)-(?P<mb>\d+)(?P<ext>-ext)?$")
EXTENDED_AFTER_GB = {"n1": Decimal("6.5"), "n2": Decimal(8), "n2d": Decimal(8), "e2": Decimal(8)}
"""GB of memory per vCPU above which a custom machine's memory is billed as extended memory."""

SUD_RATES = {
    "30": (Decimal(1), Decimal("0.8"), Decimal("0.6"), Decimal("0.4")),
    "20": (Decimal(1), Decimal("0.8678"), Decimal("0.733"), Decimal("0.6")),
}
"""The share of the base rate billed in each quarter of a month (Google's sustained-use tables)."""
SUD_FAMILIES = {"n1": "30", "f1": "30", "g1": "30", "m1": "30", "m2": "30", "n2": "20", "n2d": "20", "c2": "20"}
"""Machine families that earn sustained-use discounts (N1-like up to 30 %, N2-like up to 20 %)."""


@dataclass(frozen=True, slots=True)
class Disk:
    """A persistent disk or its template: type, size (None = unknown), where it was declared."""

    type: str
    size: Decimal | None
    path: str = ""
    replication: str = "zonal"
    iops: Decimal | None = None


@dataclass(frozen=True, slots=True)
class MachineSpec:
    """What one VM is, wherever it was declared (instance, template, GKE node config)."""

    machine_type: str | None
    purchase: Purchase = ON_DEMAND
    gpus: tuple[tuple[str, Decimal], ...] = ()
    disks: tuple[Disk, ...] = field(default_factory=tuple)
    local_ssds: int = 0
    path: str = ""
    external_ips: int = 0
    """Ephemeral external IPv4 addresses (access_config without a static address of the configuration)."""


def gpus_of(blocks: Iterable[Mapping[str, Any]]) -> tuple[tuple[str, Decimal], ...]:
    """(type, count) of every guest_accelerator block with a count above zero."""
    out = []
    for b in blocks:
        count = dec(b.get("count"), Decimal(1)) or Decimal(0)
        if b.get("type") and count > 0:
            out.append((str(b["type"]).rsplit("/", 1)[-1], count))
    return tuple(out)


def sud_factor(family: str, hours: Decimal) -> tuple[Decimal, str]:
    """(share of the list price billed, label) for `hours` a month of a `family` machine."""
    rates = SUD_RATES.get(SUD_FAMILIES.get(family, ""))
    if rates is None or hours <= 0:
        return Decimal(1), ""
    quarter, left, billed = HOURS_PER_MONTH / 4, min(hours, HOURS_PER_MONTH), Decimal(0)
    for rate in rates:
        part = min(left, quarter)
        billed += part * rate
        left -= part
    factor = billed / min(hours, HOURS_PER_MONTH)
    percent = ((1 - factor) * 100).quantize(Decimal("0.1")).normalize()
    return factor, f", sustained-use discount {percent:f}%" if factor < 1 else ""


def _custom(r: Resource, m: re.Match[str], spec: MachineSpec, hours: Decimal, usage: Usage) -> Iterator[CostComponent]:
    family = m.group("family") or "n1"
    cpus, gb = Decimal(m.group("cpus")), Decimal(m.group("mb")) / 1024
    extended = Decimal(0)
    if m.group("ext"):
        limit = cpus * EXTENDED_AFTER_GB.get(family, Decimal(8))
        gb, extended = min(gb, limit), max(Decimal(0), gb - limit)
    p = spec.purchase
    factor, sud = (
        sud_factor(family, hours)
        if usage.raw("sustained_use_discount") is True and p is ON_DEMAND
        else (Decimal(1), "")
    )
    head, fam = f"Linux/UNIX, {p.label}", family.upper()
    parts = [
        ("Custom instance CPU", f"{cpus.normalize():f} vCPUs", "CustomCore", cpus),
        ("Custom Instance RAM", f"{gb.normalize():f} GB", "CustomRAM", gb),
        ("Custom Instance Extended RAM", f"{extended.normalize():f} GB", "CustomExtendedRAM", extended),
    ]
    for name, what, group, amount in parts:
        if amount > 0:
            q = compute_query(r, "Compute", {"machineFamily": fam, "resourceGroup": group}, "h", p)
            yield monthly(
                f"{name} ({head}, {fam} {what}{sud})",
                "hours",
                hours,
                q,
                path=spec.path,
                unit_multiplier=amount,
                price_factor=factor,
            )


def _one(r: Resource, spec: MachineSpec, usage: Usage, hours: Decimal) -> Iterator[CostComponent]:
    p, mtype = spec.purchase, (spec.machine_type or "").rsplit("/", 1)[-1]
    custom = CUSTOM_RE.match(mtype)
    if custom:
        yield from _custom(r, custom, spec, hours, usage)
    elif mtype:
        factor, sud = (Decimal(1), "")
        if usage.raw("sustained_use_discount") is True and p is ON_DEMAND:
            factor, sud = sud_factor(mtype.split("-")[0], hours)
        q = compute_query(r, "Compute", {"machineType": mtype}, "h", p)
        yield monthly(
            f"Instance usage (Linux/UNIX, {p.label}, {mtype}{sud})",
            "hours",
            hours,
            q,
            path=spec.path,
            price_factor=factor,
        )
    for disk in spec.disks:
        yield from disk_components(r, disk)
    if spec.external_ips:
        spot = p.option == "spot"
        usage_kind, label = ("preemptible-vm", "preemptible VM") if spot else ("standard-vm", "standard VM")
        q = compute_query(r, "Network", {"ipUsage": usage_kind, "resourceGroup": "IpAddress"}, "h")
        yield monthly(f"External IP address ({label})", "hours", hours * spec.external_ips, q, path=spec.path)
    if spec.local_ssds:
        q = compute_query(r, "Storage", {"diskType": "pd-local", "replication": "zonal"}, "GiBy.mo", p)
        yield monthly("Local SSD provisioned storage", "GB", LOCAL_SSD_GB * spec.local_ssds, q, path=spec.path)
    for gpu, count in spec.gpus:
        name = GPU_TYPES.get(gpu, gpu)
        gpu_p = p if p.option != "committed" else ON_DEMAND  # GPU commitments are bought separately
        q = compute_query(r, "Compute", {"gpuType": name, "resourceGroup": "GPU"}, "h", gpu_p)
        yield monthly(f"NVIDIA {name} ({gpu_p.label})", "hours", hours * count, q, path=spec.path)


def disk_components(r: Resource, disk: Disk) -> Iterator[CostComponent]:
    """Provisioned storage of a persistent disk (and provisioned IOPS of extreme disks)."""
    label = "Hyperdisk" if disk.type.startswith("hyperdisk") else DISK_LABELS.get(disk.type, disk.type)
    q = compute_query(r, "Storage", {"diskType": disk.type, "replication": disk.replication}, "GiBy.mo")
    yield monthly(f"{label} provisioned storage ({disk.type})", "GB", disk.size, q, path=disk.path)
    if disk.type in DEFAULT_IOPS:
        iops = disk.iops if disk.iops is not None else DEFAULT_IOPS[disk.type]
        q = compute_query(r, "Storage", {"diskType": disk.type, "resourceGroup": "ProvisionedIOPS"}, "mo")
        yield monthly("Provisioned IOPS", "IOPS", iops, q, path=disk.path)


def machine_components(
    r: Resource,
    spec: MachineSpec,
    usage: Usage,
    *,
    count: Decimal | None = Decimal(1),
    hours: Decimal = HOURS_PER_MONTH,
) -> Iterator[CostComponent]:
    """A VM's machine, disks, local SSDs and GPUs, `count` times (None: count unknown, by usage)."""
    for c in _one(r, spec, usage, hours):
        if count == 1:
            yield c
        elif count is None:
            yield replace(c, monthly_quantity=None, usage_based=True)
        else:
            yield replace(c, monthly_quantity=None if c.monthly_quantity is None else c.monthly_quantity * count)


def ephemeral_ips(interfaces: Any, static: int = 0) -> int:
    """Ephemeral external IPv4 addresses a VM's network interfaces ask for: access_config blocks
    without a nat_ip, less `static` ones whose nat_ip references an address of the configuration
    (priced on that google_compute_address). A literal nat_ip is a static address billed on its own
    resource."""
    blocks = interfaces if isinstance(interfaces, list) else []
    configs = [
        c for b in blocks if isinstance(b, Mapping) for c in (b.get("access_config") or []) if isinstance(c, Mapping)
    ]
    return max(0, sum(1 for c in configs if not c.get("nat_ip")) - static)


def template_spec(values: Mapping[str, Any], purchase: Purchase, path: str) -> MachineSpec:
    """A VM from a google_compute_instance_template / region template's values: disks are its
    `disk` blocks (SCRATCH ones are local SSDs)."""
    disks, scratch = [], 0
    blocks = values.get("disk") or []
    for i, d in enumerate(blocks if isinstance(blocks, list) else []):
        if str(d.get("type") or "").upper() == "SCRATCH" or d.get("disk_type") == "local-ssd":
            scratch += 1
            continue
        if d.get("source"):
            continue  # an existing disk, priced by its own google_compute_disk
        size = dec(d.get("disk_size_gb")) or DEFAULT_BOOT_GB
        disks.append(
            Disk(
                str(d.get("disk_type") or "pd-standard"),
                size,
                f"{path}/disk[{i}]" if path else f"disk[{i}]",
                iops=dec(d.get("provisioned_iops")),
            )
        )
    return MachineSpec(
        values.get("machine_type"),
        purchase,
        gpus_of(values.get("guest_accelerator") or []),
        tuple(disks),
        scratch,
        path,
        ephemeral_ips(values.get("network_interface")),
    )


def first(values: Mapping[str, Any], key: str) -> Mapping[str, Any]:
    """The first element of a nested block in plain values (Terraform lists blocks), or {}."""
    found = values.get(key)
    if isinstance(found, list):
        found = found[0] if found else None
    return found if isinstance(found, Mapping) else {}
