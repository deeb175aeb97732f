"""azurerm_kubernetes_cluster: an AKS cluster and its default node pool.

Prices:
    Uptime SLA: per cluster-hour in the Standard tier (`sku_tier` Standard, or the older Paid).
    Long term support: per cluster-hour in the Premium tier (Retail Prices meter "Standard Long
    Term Support", which replaces the Standard tier's fee: the Premium tier's whole charge).
    Default node pool: instance hours and OS disks of its nodes (see
    azurerm_kubernetes_cluster_node_pool).
    Load balancer data processed: a Standard load balancer (`network_profile.load_balancer_sku`)
    per GB (usage).
    DNS hosted zone: HTTP application routing creates an Azure DNS zone (one zone-month).
Usage keys:
    default_node_pool.nodes: nodes the default pool runs (default: node_count, else min_count;
    a pool that may scale to zero depends on this).
    default_node_pool.monthly_hrs: hours each default-pool node runs a month (default 730).
    load_balancer.monthly_data_processed_gb: GB the cluster's load balancer processes a month.
Not priced / assumptions:
    The Free tier's cluster management costs nothing. Load balancer rules, public IPs and
    other resources AKS creates in its node resource group are not in the plan and not priced.
References:
    https://azure.microsoft.com/pricing/details/kubernetes-service/
    https://learn.microsoft.com/azure/aks/free-standard-pricing-tiers
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.azure._aks import pool_components
from costgate.resources.azure._common import azure_query, consumption, global_query
from costgate.resources.azure._dns import hosted_zone
from costgate.resources.base import Pricer, PricingContext, UsageKey, hourly, usage_component

USAGE = (
    UsageKey("default_node_pool.nodes", "int", "Nodes the default pool runs (default: node_count, else min_count)"),
    UsageKey("default_node_pool.monthly_hrs", "float", "Hours each default-pool node runs a month", 730),
    UsageKey("load_balancer.monthly_data_processed_gb", "float", "GB the cluster's load balancer processes a month"),
)


def _aks(r: Resource, name: str, meter: str) -> CostComponent:
    attrs = consumption(
        {"productName": "Azure Kubernetes Service", "skuName": "Standard", "meterName": meter}, "1 Hour"
    )
    return hourly(name, azure_query(r, "Azure Kubernetes Service", attrs, family="Compute", unit="1 Hour"))


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    tier = str(r.get("sku_tier") or "Free").lower()
    if tier in ("standard", "paid"):
        yield _aks(r, "Uptime SLA", "Standard Uptime SLA")
    elif tier == "premium":
        yield _aks(r, "Long term support", "Standard Long Term Support")
    yield from pool_components(
        r, r.block("default_node_pool"), ctx.usage, path="default_node_pool", prefix="default_node_pool."
    )
    if str(r.block("network_profile").get("load_balancer_sku") or "").lower() == "standard":
        attrs = consumption(
            {"productName": "Load Balancer", "skuName": "Standard", "meterName": "Standard Data Processed"}, "1 GB"
        )
        yield usage_component(
            "Data processed",
            "GB",
            ctx.usage,
            "load_balancer.monthly_data_processed_gb",
            global_query(r, "Load Balancer", attrs, unit="1 GB"),
            path="Load Balancer",
        )
    if r.get("http_application_routing_enabled"):
        yield hosted_zone(r, path="DNS")


PRICER = Pricer(type="azurerm_kubernetes_cluster", price=_price, usage_keys=USAGE, doc=__doc__ or "")
