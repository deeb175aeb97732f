"""google_container_node_pool: a GKE node pool (Compute Engine VMs run by GKE).

Prices:
    Nodes: per-zone node count times zones, each the machine, boot disk, local SSDs and GPUs of
    node_config (see google_compute_instance), on demand, spot/preemptible or committed.
Usage keys:
    nodes: nodes per zone on average (overrides node_count; set it for autoscaled pools).
    committed_use_term: 1_year or 3_year, to price nodes at committed-use rates.
    sustained_use_discount: true to apply sustained-use discounts (off by default).
Not priced / assumptions:
    Zones: the pool's node_locations, else its cluster's, else 3 for a regional cluster and 1 for
    a zonal one (or when the cluster is not in the configuration and the pool names no location).
    Count: node_count, else initial_node_count, else the autoscaling minimum, else 3.
    GKE's defaults: e2-medium nodes with a 100 GB pd-balanced boot disk (hyperdisk-balanced for
    machine families without pd-balanced: N4, C4, M4, ...), as the provider documents them; the
    reference estimator assumes pd-standard, GKE's default before 1.24. node_config.boot_disk
    wins over disk_type / disk_size_gb. The cluster fee is on google_container_cluster.
References:
    https://cloud.google.com/kubernetes-engine/pricing
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.base import Pricer, PricingContext
from costgate.resources.google._compute import COMPUTE_USAGE
from costgate.resources.google._gke import NODE_USAGE, cluster_of, pool_components

USAGE = (*NODE_USAGE, *COMPUTE_USAGE)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    cluster = dict(cluster_of(r, ctx))
    if r.get("location"):
        cluster["location"] = r.get("location")
    yield from pool_components(r, r.values, cluster, ctx.usage)


PRICER = Pricer(type="google_container_node_pool", price=_price, usage_keys=USAGE, doc=__doc__ or "")
