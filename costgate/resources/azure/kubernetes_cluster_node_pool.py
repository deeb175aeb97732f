"""azurerm_kubernetes_cluster_node_pool: an AKS node pool.

Prices:
    Instance usage: per hour by `vm_size` times nodes, Linux or Windows (`os_type`, or an `os_sku`
    of Windows2019/Windows2022), pay as you go or spot (`priority = "Spot"`).
    OS disk of every node: a managed disk of `os_disk_size_gb` (default 128 GiB), Premium SSD
    when the size supports premium storage, else Standard HDD; ephemeral OS disks cost nothing.
Usage keys:
    nodes: nodes running (default: `node_count`, else `min_count` of an autoscaled pool, else 1;
    a pool that may scale to zero depends on this).
    monthly_hrs: hours each node runs a month (default 730).
Not priced / assumptions:
    Windows node pools pay the Windows license per node (Azure Hybrid Benefit for AKS is not
    read). Standard HDD OS disks have transaction fees that are not priced (no usage key).
References:
    https://azure.microsoft.com/pricing/details/kubernetes-service/
    https://learn.microsoft.com/azure/aks/concepts-storage#ephemeral-os-disk
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.azure._aks import pool_components
from costgate.resources.base import Pricer, PricingContext, UsageKey

USAGE = (
    UsageKey("nodes", "int", "Nodes the pool runs (default: node_count, else min_count)"),
    UsageKey("monthly_hrs", "float", "Hours each node runs a month", 730),
)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    yield from pool_components(r, r.values, ctx.usage)


PRICER = Pricer(type="azurerm_kubernetes_cluster_node_pool", price=_price, usage_keys=USAGE, doc=__doc__ or "")
