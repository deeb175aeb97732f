"""google_memorystore_instance: a Memorystore for Valkey instance.

Prices:
    Nodes: per node-hour by node type; nodes = shard_count x (1 + replica_count) (a
    CLUSTER_DISABLED instance has one shard). Google bills them under the Billing Catalog
    service "Cloud Memorystore" as SKUs described "<Node type> Node <location>" ("Standard Small
    Node Oregon"), one per region.
Usage keys:
    (none)
Not priced / assumptions:
    node_type defaults to HIGHMEM_MEDIUM (the API default). Backups, AOF persistence storage and
    cross-region replication traffic depend on usage and are not priced. A region without a
    known location name cannot be queried and shows as not priced. This machine's catalog has
    no Memorystore for Valkey rows, so the component shows as not priced until `catalog refresh`.
References:
    https://cloud.google.com/memorystore/docs/valkey/pricing
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from costgate.model import HOURS_PER_MONTH, CostComponent, Resource
from costgate.resources.base import Pricer, PricingContext, dec, monthly
from costgate.resources.google._common import gcp_query, location_name, region_of

NODE_TYPES = {
    "SHARED_CORE_NANO": "Shared Core Nano",
    "STANDARD_SMALL": "Standard Small",
    "HIGHMEM_MEDIUM": "Highmem Medium",
    "HIGHCPU_MEDIUM": "Highcpu Medium",
    "STANDARD_LARGE": "Standard Large",
    "HIGHMEM_XLARGE": "Highmem XLarge",
    "HIGHMEM_2XLARGE": "Highmem 2xlarge",
    "CUSTOM_PICO": "Custom Pico",
    "CUSTOM_MICRO": "Custom Micro",
    "CUSTOM_MINI": "Custom Mini",
}
"""Terraform node_type -> the node type as the Billing Catalog's SKU descriptions spell it."""


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    node = str(r.get("node_type") or "HIGHMEM_MEDIUM").upper()
    shards = Decimal(1) if str(r.get("mode") or "").upper() == "CLUSTER_DISABLED" else dec(r.get("shard_count"))
    replicas = dec(r.get("replica_count"), Decimal(0)) or Decimal(0)
    nodes = None if shards is None else shards * (1 + replicas)
    region = region_of(r)
    desc = f"{NODE_TYPES.get(node, node.replace('_', ' ').title())} Node {location_name(region)}"
    q = gcp_query(r, "Cloud Memorystore", {"description": desc, "usageType": "OnDemand"}, unit="h")
    yield monthly(f"Nodes ({node.lower()})", "node-hours", None if nodes is None else nodes * HOURS_PER_MONTH, q)


PRICER = Pricer(type="google_memorystore_instance", price=_price, doc=__doc__ or "")
