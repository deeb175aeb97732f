"""Azure DNS meters shared by public and private zones, their records, AKS and the DNS resolver.

Azure DNS sells its meters per billing zone, every public-cloud location in "Zone 1" (the
reference estimator's region; Retail Prices armRegionName "Zone 1"). A hosted zone is billed
per zone-month (first 25 zones of a subscription at the higher rate); queries per million,
cheaper above the first billion a month (tiers of the meter). Private zones cost what public zones cost, so both use the public meters, as the
reference estimator does.
"""

from __future__ import annotations

from costgate.model import CostComponent, Resource
from costgate.resources.azure._common import usage_in, zone_query
from costgate.resources.base import Usage, UsageKey, monthly

DNS_ZONE = "Zone 1"
"""Every public-cloud Azure DNS meter is priced in Zone 1."""

QUERY_USAGE = (UsageKey("monthly_queries", "int", "DNS queries a month"),)


def hosted_zone(r: Resource, *, path: str = "") -> CostComponent:
    """One hosted zone-month."""
    query = zone_query(r, "Azure DNS", {"meterName": "Public Zone", "type": "Consumption"}, zone=DNS_ZONE)
    return monthly("Hosted zone", "months", 1, query, path=path)


def dns_queries(r: Resource, usage: Usage) -> CostComponent:
    """Queries a month, in millions (usage: monthly_queries)."""
    query = zone_query(
        r,
        "Azure DNS",
        {"meterName": "Public Queries", "type": "Consumption", "unitOfMeasure": "1M"},
        unit="1M",
        zone=DNS_ZONE,
    )
    return usage_in("DNS queries", "1M queries", usage, "monthly_queries", query, divisor=1_000_000)


def resolver_meter(r: Resource, name: str, meter: str) -> CostComponent:
    """A DNS private resolver endpoint or ruleset, per month it exists."""
    query = zone_query(
        r,
        "Azure DNS",
        {"skuName": "Private Resolver", "meterName": meter, "type": "Consumption"},
        zone=DNS_ZONE,
        unit="1/Month",
    )
    return monthly(name, "months", 1, query)
