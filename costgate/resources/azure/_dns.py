"""Azure DNS meters shared by public and private zones, their records, AKS and the DNS resolver.

Azure DNS sells its meters region-free (priced in "Zone 1" for public-cloud locations; stored
as `global`). A hosted zone is billed per zone-month (first 25 zones of a subscription at the
higher rate); queries per million, cheaper above the first billion a month (tiers of the
meter). Private zones cost what public zones cost, so both use the public meters, as the
reference estimator does.
"""

from __future__ import annotations

from costgate.model import CostComponent, Resource
from costgate.resources.azure._common import global_query, usage_in
from costgate.resources.base import Usage, UsageKey, monthly

QUERY_USAGE = (UsageKey("monthly_queries", "int", "DNS queries a month"),)


def hosted_zone(r: Resource, *, path: str = "") -> CostComponent:
    """One hosted zone-month."""
    query = global_query(r, "Azure DNS", {"meterName": "Public Zone", "type": "Consumption"})
    return monthly("Hosted zone", "months", 1, query, path=path)


def dns_queries(r: Resource, usage: Usage) -> CostComponent:
    """Queries a month, in millions (usage: monthly_queries)."""
    query = global_query(r, "Azure DNS", {"meterName": "Public Queries", "type": "Consumption", "unitOfMeasure": "1M"},
                         unit="1M")
    return usage_in("DNS queries", "1M queries", usage, "monthly_queries", query, divisor=1_000_000)


def resolver_meter(r: Resource, name: str, meter: str) -> CostComponent:
    """A DNS private resolver endpoint or ruleset, per month it exists."""
    query = global_query(r, "Azure DNS", {"skuName": "Private Resolver", "meterName": meter, "type": "Consumption"})
    return monthly(name, "months", 1, query)
