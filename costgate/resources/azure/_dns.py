"""Azure DNS meters shared by public and private zones, their records, AKS and the DNS resolver.

Azure DNS sells its meters per billing zone, every public-cloud location in "Zone 1" (the
reference estimator's region; Retail Prices armRegionName "Zone 1"), the US Government and China
clouds in their own zones. A hosted zone is billed
per zone-month (first 25 zones of a subscription at the higher rate); queries per million,
cheaper above the first billion a month (tiers of the meter). Private zones and their queries
cost what public ones cost but are billed on their own meters ("Private Zone", "Private
Queries"); the reference estimator prices them on the public meters, at the same figures.
"""

from __future__ import annotations

from costgate.model import CostComponent, Resource
from costgate.pricing.azure_zones import CHINA_ZONE, GOV_ZONE, ZONE_1, network_zone
from costgate.resources.azure._common import location_of, usage_in, zone_query
from costgate.resources.base import Usage, UsageKey, monthly

DNS_ZONE = ZONE_1
"""Every public-cloud Azure DNS meter is priced in Zone 1."""


def dns_zone(r: Resource) -> str:
    """Zone 1, or the sovereign cloud's own zone (US Gov Zone 1, Zone 1 (China)) for its locations."""
    zone = network_zone(location_of(r))
    return zone if zone in (GOV_ZONE, CHINA_ZONE) else DNS_ZONE


QUERY_USAGE = (UsageKey("monthly_queries", "int", "DNS queries a month"),)


def hosted_zone(r: Resource, *, path: str = "", kind: str = "Public") -> CostComponent:
    """One hosted zone-month (`kind` Public or Private: Azure meters private zones apart)."""
    attrs = {"productName": "Azure DNS", "meterName": f"{kind} Zone", "type": "Consumption"}
    query = zone_query(r, "Azure DNS", attrs, zone=dns_zone(r))
    return monthly("Hosted zone", "months", 1, query, path=path)


def dns_queries(r: Resource, usage: Usage, *, kind: str = "Public") -> CostComponent:
    """Queries a month, in millions (usage: monthly_queries), on the Public or Private meter."""
    query = zone_query(
        r,
        "Azure DNS",
        {"productName": "Azure DNS", "meterName": f"{kind} Queries", "type": "Consumption"},
        zone=dns_zone(r),
    )
    return usage_in("DNS queries", "1M queries", usage, "monthly_queries", query, divisor=1_000_000)


def resolver_meter(r: Resource, name: str, meter: str) -> CostComponent:
    """A DNS private resolver endpoint or ruleset, per month it exists."""
    query = zone_query(
        r,
        "Azure DNS",
        {"skuName": "Private Resolver", "meterName": meter, "type": "Consumption"},
        zone=dns_zone(r),
        unit="1/Month",
    )
    return monthly(name, "months", 1, query)
