"""google_container_cluster: a GKE cluster (Standard or Autopilot) with its inline node pools.

Prices:
    Cluster management fee: per cluster-hour (Standard and Autopilot).
    Default node pool (unless remove_default_node_pool or inline node_pool blocks) and every
    inline node_pool: nodes as google_container_node_pool prices them.
    Autopilot: vCPU, memory and ephemeral storage that pods request, per hour (usage).
Usage keys:
    nodes: nodes per zone of the default pool; node_pool[N].nodes for inline pool N.
    autopilot_vcpu_count, autopilot_memory_gb, autopilot_ephemeral_storage_gb: Autopilot pod
    requests on average over the month.
    committed_use_term: 1_year or 3_year, to price nodes at committed-use rates.
    sustained_use_discount: true to apply sustained-use discounts (off by default).
Not priced / assumptions:
    GKE's free tier (one zonal or Autopilot cluster's fee credited per billing account) is not
    applied: it is per account, not per cluster. Node pools declared as google_container_node_pool
    are priced there. Autopilot Balanced/Scale-Out compute classes and GPUs are not priced.
References:
    https://cloud.google.com/kubernetes-engine/pricing
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import HOURS_PER_MONTH, CostComponent, Resource
from costgate.resources.base import Pricer, PricingContext, UsageKey, hourly, monthly
from costgate.resources.google._compute import COMPUTE_USAGE
from costgate.resources.google._gke import NODE_USAGE, autopilot_query, management_fee_query, pool_components

USAGE = (
    *NODE_USAGE,
    UsageKey("autopilot_vcpu_count", "float", "vCPUs Autopilot pods request on average"),
    UsageKey("autopilot_memory_gb", "float", "GB of memory Autopilot pods request on average"),
    UsageKey("autopilot_ephemeral_storage_gb", "float", "GB of ephemeral storage Autopilot pods request on average"),
    *COMPUTE_USAGE,
)
AUTOPILOT = (
    ("Autopilot vCPU", "vCPU", "autopilot_vcpu_count", "AutopilotCPU", "h"),
    ("Autopilot memory", "GB", "autopilot_memory_gb", "AutopilotRAM", "GiBy.h"),
    ("Autopilot ephemeral storage", "GB", "autopilot_ephemeral_storage_gb", "AutopilotEphemeralStorage", "GiBy.h"),
)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    autopilot = r.get("enable_autopilot") is True
    yield hourly(
        "Cluster management fee (Autopilot)" if autopilot else "Cluster management fee", management_fee_query(r)
    )
    if autopilot:
        for name, unit, key, group, catalog_unit in AUTOPILOT:
            yield monthly(
                name,
                unit,
                ctx.usage.number(key),
                autopilot_query(r, group, catalog_unit),
                usage_based=True,
                unit_multiplier=HOURS_PER_MONTH,
            )
        return
    pools = r.blocks("node_pool")
    for i, pool in enumerate(pools):
        yield from pool_components(r, pool, r.values, ctx.usage, prefix=f"node_pool[{i}].", path=f"node_pool[{i}]")
    if not pools and r.get("remove_default_node_pool") is not True:
        yield from pool_components(
            r,
            {
                "initial_node_count": r.get("initial_node_count"),
                "node_config": r.get("node_config"),
                "node_locations": r.get("node_locations"),
            },
            r.values,
            ctx.usage,
            path="default_pool",
        )


PRICER = Pricer(type="google_container_cluster", price=_price, usage_keys=USAGE, doc=__doc__ or "")
