"""google_alloydb_instance: an AlloyDB for PostgreSQL instance (primary or read pool).

Prices:
    vCPUs: per vCPU-hour of every node; memory: per GB-hour (8 GB per vCPU, AlloyDB's machine shape).
    Nodes: a REGIONAL primary (the default) runs an active and a standby node, a ZONAL one node;
    a read pool runs read_pool_config.node_count nodes.
Usage keys:
    None.
Not priced / assumptions:
    vCPUs come from machine_config.cpu_count, else the machine type's name, else 2 (the smallest).
    Storage and backups are priced on google_alloydb_cluster. The shipped catalog has no AlloyDB
    rows, so both components show as not priced until `catalog refresh`.
References:
    https://cloud.google.com/alloydb/pricing
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from costgate.model import HOURS_PER_MONTH, CostComponent, Resource
from costgate.resources.base import Pricer, PricingContext, dec, monthly
from costgate.resources.google._common import gcp_query
from costgate.resources.google.dataproc_cluster import vcpus_of

SERVICE = "AlloyDB for PostgreSQL"
GB_PER_VCPU = Decimal(8)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    config = r.block("machine_config")
    cpus = dec(config.get("cpu_count")) or vcpus_of(str(config.get("machine_type") or "")) or Decimal(2)
    kind = str(r.get("instance_type") or "PRIMARY").upper()
    if kind == "READ_POOL":
        nodes = dec(r.block("read_pool_config").get("node_count"), Decimal(1)) or Decimal(1)
    else:
        nodes = Decimal(1) if str(r.get("availability_type") or "REGIONAL").upper() == "ZONAL" else Decimal(2)
    label = "read pool" if kind == "READ_POOL" else "primary"
    q = gcp_query(r, SERVICE, {"resourceGroup": "CPU", "usageType": "OnDemand"}, family="ApplicationServices", unit="h")
    count = f"{nodes.normalize():f} node{'' if nodes == 1 else 's'}"
    yield monthly(f"vCPUs ({label}, {count})", "vCPU-hours", nodes * cpus * HOURS_PER_MONTH, q)
    q = gcp_query(
        r, SERVICE, {"resourceGroup": "RAM", "usageType": "OnDemand"}, family="ApplicationServices", unit="GiBy.h"
    )
    yield monthly(f"Memory ({label})", "GB-hours", nodes * cpus * GB_PER_VCPU * HOURS_PER_MONTH, q)


PRICER = Pricer(type="google_alloydb_instance", price=_price, doc=__doc__ or "")
