"""google_redis_instance: a Memorystore for Redis instance.

Prices:
    Redis instance: per GB-hour of provisioned capacity by tier (BASIC, STANDARD_HA) and capacity
    tier (M1 1-4 GB, M2 5-10, M3 11-35, M4 36-100, M5 above 100), 730 hours a month.
    Read replicas of a STANDARD_HA instance bill as further nodes of the same size.
Usage keys:
    None.
Not priced / assumptions:
    Network egress between zones or regions is not priced.
References:
    https://cloud.google.com/memorystore/docs/redis/pricing
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from costgate.model import HOURS_PER_MONTH, CostComponent, Resource
from costgate.resources.base import Pricer, PricingContext, dec, monthly
from costgate.resources.google._common import gcp_query

CAPACITY_TIERS = ((Decimal(4), "M1"), (Decimal(10), "M2"), (Decimal(35), "M3"), (Decimal(100), "M4"))


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    size = dec(r.get("memory_size_gb"), Decimal(1)) or Decimal(1)
    tier = "standard" if str(r.get("tier") or "BASIC").upper() == "STANDARD_HA" else "basic"
    capacity = next((name for top, name in CAPACITY_TIERS if size <= top), "M5")
    q = gcp_query(
        r,
        "Cloud Memorystore for Redis",
        {"capacityTier": capacity, "resourceGroup": "Redis", "tier": tier},
        family="ApplicationServices",
        unit="GiBy.h",
    )
    yield monthly(f"Redis instance ({tier}, {capacity})", "GB", size, q, unit_multiplier=HOURS_PER_MONTH)
    replicas = dec(r.get("replica_count"), Decimal(0)) or Decimal(0)
    if tier == "standard" and replicas > 1:
        yield monthly(f"Read replicas ({capacity})", "GB", size * (replicas - 1), q, unit_multiplier=HOURS_PER_MONTH)


PRICER = Pricer(type="google_redis_instance", price=_price, doc=__doc__ or "")
