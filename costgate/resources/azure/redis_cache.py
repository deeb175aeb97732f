"""azurerm_redis_cache: an Azure Cache for Redis (Basic, Standard, Premium).

Prices:
    Cache nodes per hour: Basic one node, Standard two (its "<size> Cache" meter is the whole
    two-node cache, shown per node at half its price), Premium (1 + replicas_per_primary, or
    replicas_per_master, default 1) nodes per shard (shard_count, at least 1) at the
    "<size> Cache Instance" meter of one node.
Usage keys:
    None.
Not priced / assumptions:
    The size is family + capacity ("C3", "P1"). Geo-replication links, data transfer and the
    Enterprise tiers (azurerm_redis_enterprise_cluster, azurerm_managed_redis) are not part
    of this resource.
References:
    https://azure.microsoft.com/pricing/details/cache/
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from costgate.model import HOURS_PER_MONTH, CostComponent, Resource
from costgate.resources.azure._common import azure_query
from costgate.resources.base import Pricer, PricingContext, dec, monthly


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    tier = str(r.get("sku_name") or "Basic").capitalize()
    size = f"{str(r.get('family') or 'C').upper()}{r.get('capacity', 0)}"
    factor = Decimal(1)
    if tier == "Premium":
        replicas = dec(r.get("replicas_per_primary")) or dec(r.get("replicas_per_master")) or Decimal(1)
        nodes = (1 + replicas) * max(dec(r.get("shard_count"), Decimal(0)) or Decimal(0), Decimal(1))
        meter = f"{size} Cache Instance"
    else:
        nodes, meter = Decimal(2 if tier == "Standard" else 1), f"{size} Cache"
        factor = Decimal(1) / nodes  # the meter prices the whole cache
    q = azure_query(
        r,
        "Redis Cache",
        {"productName": f"Azure Redis Cache {tier}", "skuName": size, "meterName": meter, "unitOfMeasure": "1 Hour"},
        family="Databases",
        unit="1 Hour",
    )
    yield monthly(
        f"Cache usage ({tier}_{size})", "nodes", nodes, q, unit_multiplier=HOURS_PER_MONTH, price_factor=factor
    )


PRICER = Pricer(type="azurerm_redis_cache", price=_price, doc=__doc__ or "")
