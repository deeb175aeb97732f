"""google_memcache_instance: a Memorystore for Memcached instance.

Prices:
    Node vCPUs: per vCPU-hour; node memory: per GB-hour; both times node_count.
Usage keys:
    None.
Not priced / assumptions:
    The shipped catalog has no Memorystore for Memcached rows, so both components show as not
    priced (queries: resourceGroup MemcacheNodeCPU / MemcacheNodeRAM) until `catalog refresh`.
References:
    https://cloud.google.com/memorystore/docs/memcached/pricing
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from costgate.model import HOURS_PER_MONTH, CostComponent, Resource
from costgate.resources.base import Pricer, PricingContext, dec, monthly
from costgate.resources.google._common import gcp_query

SERVICE = "Cloud Memorystore for Memcached"


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    config = r.block("node_config")
    nodes = dec(r.get("node_count"), Decimal(1)) or Decimal(1)
    cpus, gb = (
        dec(config.get("cpu_count"), Decimal(1)) or Decimal(1),
        (dec(config.get("memory_size_mb"), Decimal(1024)) or Decimal(1024)) / 1024,
    )
    q = gcp_query(r, SERVICE, {"resourceGroup": "MemcacheNodeCPU"}, family="ApplicationServices", unit="h")
    yield monthly("Node vCPUs", "vCPU-hours", nodes * cpus * HOURS_PER_MONTH, q)
    q = gcp_query(r, SERVICE, {"resourceGroup": "MemcacheNodeRAM"}, family="ApplicationServices", unit="GiBy.h")
    yield monthly("Node memory", "GB-hours", nodes * gb * HOURS_PER_MONTH, q)


PRICER = Pricer(type="google_memcache_instance", price=_price, doc=__doc__ or "")
