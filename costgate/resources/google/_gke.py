"""GKE nodes: a node pool's VMs from its node_config, per zone, over the zones the pool spans."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from decimal import Decimal
from typing import Any

from costgate.model import CostComponent, PriceQuery, Resource
from costgate.resources.base import PricingContext, Usage, UsageKey, dec
from costgate.resources.google._common import GLOBAL, Purchase, gcp_query, purchase_of, zones_of
from costgate.resources.google._compute import Disk, MachineSpec, first, gpus_of, machine_components

DEFAULT_NODES = Decimal(3)
"""Nodes per zone of a pool that sets no count (GKE's default initial_node_count)."""
DEFAULT_MACHINE, DEFAULT_DISK_GB, DEFAULT_DISK_TYPE = "e2-medium", Decimal(100), "pd-balanced"
"""GKE's node defaults: e2-medium with a 100 GB pd-balanced boot disk."""
HYPERDISK_ONLY = frozenset({"n4", "n4a", "n4d", "c4", "c4a", "c4d", "m4", "x4", "a4", "a4x"})
"""Machine families without pd-balanced: their boot disk defaults to hyperdisk-balanced."""

NODE_USAGE = (UsageKey("nodes", "int", "Nodes per zone the pool runs on average (overrides its node count)"),)


def node_spec(config: Mapping[str, Any], usage: Usage, path: str) -> MachineSpec:
    """One node of a pool from its node_config (spot and preemptible nodes bill at spot rates)."""
    spot = config.get("spot") is True or config.get("preemptible") is True
    purchase: Purchase = purchase_of({"preemptible": True} if spot else {}, usage)
    if spot and config.get("spot") is True:
        purchase = Purchase("spot", "Preemptible", "spot")
    machine = str(config.get("machine_type") or DEFAULT_MACHINE)
    boot = first(config, "boot_disk")
    default_type = "hyperdisk-balanced" if machine.split("-")[0] in HYPERDISK_ONLY else DEFAULT_DISK_TYPE
    disk_type = boot.get("disk_type") or config.get("disk_type") or default_type
    size = dec(boot.get("size_gb")) or dec(config.get("disk_size_gb")) or DEFAULT_DISK_GB
    disk = Disk(str(disk_type), size, path)
    ssds = int(dec(config.get("local_ssd_count"), Decimal(0)) or 0)
    ephemeral = first(config, "ephemeral_storage_local_ssd_config") or first(config, "local_nvme_ssd_block_config")
    ssds += int(dec(ephemeral.get("local_ssd_count"), Decimal(0)) or 0)
    return MachineSpec(machine, purchase, gpus_of(config.get("guest_accelerator") or []), (disk,), ssds, path)


def pool_nodes(pool: Mapping[str, Any], usage: Usage, prefix: str) -> Decimal:
    """Nodes per zone: usage `nodes`, else node_count, initial_node_count, the autoscaling minimum, 3."""
    given = usage.number(f"{prefix}nodes")
    if given is not None:
        return given
    scaling = first(pool, "autoscaling")
    for value in (pool.get("node_count"), pool.get("initial_node_count"), scaling.get("min_node_count")):
        if (count := dec(value)) is not None:
            return count
    return DEFAULT_NODES


def pool_components(
    r: Resource,
    pool: Mapping[str, Any],
    cluster: Mapping[str, Any],
    usage: Usage,
    *,
    prefix: str = "",
    path: str = "",
) -> Iterator[CostComponent]:
    """A pool's nodes: per-zone count x zones (its node_locations, else the cluster's, else 3 in a
    regional location and 1 in a zonal one). A total autoscaling minimum is not multiplied."""
    location = cluster.get("location") or pool.get("location")
    zones = Decimal(zones_of(location, pool.get("node_locations") or cluster.get("node_locations")))
    total = dec(first(pool, "autoscaling").get("total_min_node_count"))
    nodes = (
        total
        if total is not None and usage.number(f"{prefix}nodes") is None
        else pool_nodes(pool, usage, prefix) * zones
    )
    spec = node_spec(first(pool, "node_config"), usage, path)
    yield from machine_components(r, spec, usage, count=nodes)


def autopilot_query(r: Resource, group: str, unit: str) -> PriceQuery:
    """A Kubernetes Engine SKU of resourceGroup `group`: Autopilot pod resources, priced per region."""
    return gcp_query(r, "Kubernetes Engine", {"resourceGroup": group}, family="Compute", unit=unit)


def management_fee_query(r: Resource) -> PriceQuery:
    """The cluster management fee (standard and Autopilot): one global SKU, the same in every region."""
    return gcp_query(
        r, "Kubernetes Engine", {"resourceGroup": "ClusterManagementFee"}, family="Compute", unit="h", region=GLOBAL
    )


def cluster_of(r: Resource, ctx: PricingContext) -> Mapping[str, Any]:
    """The values of the cluster a node pool belongs to, when it is in the configuration."""
    cluster = ctx.resolve(r, "cluster")
    return cluster.values if cluster is not None else {}
