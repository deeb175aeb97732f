"""Network charges shared by Google pricers: premium-tier internet egress by destination, IPs,
load-balancer proxies."""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.base import Usage, UsageKey, monthly, usage_component
from costgate.resources.google._common import compute_query

EGRESS_DESTINATIONS = (("worldwide", "worldwide excluding China and Australia"), ("china", "China"), ("australia", "Australia"))
"""Usage sub-key -> destination of Compute Engine's premium-tier internet egress SKUs."""

EGRESS_USAGE = UsageKey(
    "monthly_egress_data_transfer_gb", "float",
    "GB sent to the internet a month, by destination: worldwide, china, australia",
)

LB_USAGE = (
    UsageKey("monthly_proxy_instances", "float", "Proxy instances the load balancer runs on average"),
    UsageKey("monthly_data_processed_gb", "float", "GB the load balancer processes a month"),
)


def egress_components(r: Resource, usage: Usage, label: str = "Internet egress") -> Iterator[CostComponent]:
    """Premium-tier internet egress per destination (tiered by volume), from usage."""
    for key, where in EGRESS_DESTINATIONS:
        q = compute_query(r, "Network", {"destination": key, "resourceGroup": "PremiumInternetEgress"}, "GiBy")
        yield usage_component(f"{label} to {where}", "GB", usage, f"monthly_egress_data_transfer_gb.{key}", q)


def proxy_components(r: Resource, usage: Usage) -> Iterator[CostComponent]:
    """Envoy-based proxy load balancers: proxy instance hours and data processed (usage)."""
    instances = usage.number("monthly_proxy_instances")
    q = compute_query(r, "Network", {"lbComponent": "forwarding-rule-minimum", "resourceGroup": "LoadBalancing"}, "h")
    yield monthly("Proxy instance", "hours", None if instances is None else instances * 730, q, usage_based=True)
    q = compute_query(r, "Network", {"lbComponent": "internal-data-processing", "resourceGroup": "LoadBalancing"}, "GiBy")
    yield usage_component("Data processed", "GB", usage, "monthly_data_processed_gb", q)
