"""Network charges shared by Google pricers: premium-tier internet egress by destination, IPs,
load-balancer proxies."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from decimal import Decimal

from costgate.model import CostComponent, PriceQuery, Resource
from costgate.resources.base import Usage, UsageKey, monthly, usage_component
from costgate.resources.google._common import compute_query, region_of

EGRESS_DESTINATIONS = (
    ("worldwide", "worldwide excluding China and Australia"),
    ("china", "China"),
    ("australia", "Australia"),
)
"""Usage sub-key -> destination of Compute Engine's premium-tier internet egress SKUs."""

EGRESS_USAGE = UsageKey(
    "monthly_egress_data_transfer_gb",
    "float",
    "GB sent to the internet a month, by destination: worldwide, china, australia (asia: billed as worldwide)",
)
WORLDWIDE_ALIASES = (("asia", "Asia (worldwide rates)"),)
"""Older destination groups Google's premium-tier price list now bills at the worldwide rate."""

LB_USAGE = (
    UsageKey("monthly_proxy_instances", "float", "Proxy instances the load balancer runs on average"),
    UsageKey("monthly_data_processed_gb", "float", "GB the load balancer processes a month"),
)


def egress_components(r: Resource, usage: Usage, label: str = "Internet egress") -> Iterator[CostComponent]:
    """Premium-tier internet egress per destination, from usage: tiered by volume and shown as one
    line per tier reached (first TiB, next 9 TiB, ...), as Google's bills and price page show it."""
    for key, where in EGRESS_DESTINATIONS:
        q = compute_query(r, "Network", {"destination": key, "resourceGroup": "PremiumInternetEgress"}, "GiBy")
        yield usage_component(
            f"{label} to {where}", "GB", usage, f"monthly_egress_data_transfer_gb.{key}", q, split_tiers=True
        )
    for key, where in WORLDWIDE_ALIASES:  # only when the usage file gives them: no empty lines
        if usage.raw(f"monthly_egress_data_transfer_gb.{key}") is not None:
            q = compute_query(
                r, "Network", {"destination": "worldwide", "resourceGroup": "PremiumInternetEgress"}, "GiBy"
            )
            yield usage_component(
                f"{label} to {where}", "GB", usage, f"monthly_egress_data_transfer_gb.{key}", q, split_tiers=True
            )


CONTINENTS = (
    ("northamerica-", "Northern America"),
    ("us-", "Northern America"),
    ("southamerica-", "South America"),
    ("europe-", "Europe"),
    ("asia-", "Asia Pacific"),
    ("australia-", "Oceania"),
    ("me-", "Middle East"),
    ("africa-", "Africa"),
)
"""Region prefix -> the continent Google's inter-region transfer SKUs name."""


def continent_of(region: str) -> str | None:
    """The continent of a Google region (`europe-west1` -> Europe); None for multi-regions."""
    return next((name for prefix, name in CONTINENTS if region.startswith(prefix)), None)


def inter_region_components(r: Resource, usage: Usage, service: str, key: str, label: str) -> Iterator[CostComponent]:
    """Data sent to other Google regions, from a usage map {region: GB}, one component per
    destination continent (traffic to the resource's own region is free and yields nothing)."""
    given = usage.raw(key)
    if not isinstance(given, Mapping):
        return
    source = region_of(r)
    totals: dict[str, Decimal] = {}
    for name, gb in given.items():
        region = str(name).replace("_", "-").lower()
        amount = Usage({"gb": gb}).number("gb")
        if region == source or amount is None:
            continue
        dest = continent_of(region) or region
        totals[dest] = totals.get(dest, Decimal(0)) + amount
    src = continent_of(source) or source
    for dest, amount in totals.items():
        q = PriceQuery.of(
            "google",
            service,
            "Network",
            source,
            {"resourceGroup": "InterRegionEgress", "route": f"{src} to {dest}"},
            unit="GiBy",
        )
        yield monthly(f"{label} {src} to {dest}", "GB", amount, q, usage_based=True)


def proxy_components(r: Resource, usage: Usage) -> Iterator[CostComponent]:
    """Envoy-based proxy load balancers: proxy instance hours and data processed (usage)."""
    instances = usage.number("monthly_proxy_instances")
    q = compute_query(r, "Network", {"lbComponent": "forwarding-rule-minimum", "resourceGroup": "LoadBalancing"}, "h")
    yield monthly("Proxy instance", "hours", None if instances is None else instances * 730, q, usage_based=True)
    q = compute_query(
        r, "Network", {"lbComponent": "internal-data-processing", "resourceGroup": "LoadBalancing"}, "GiBy"
    )
    yield usage_component("Data processed", "GB", usage, "monthly_data_processed_gb", q)
