"""google_bigtable_instance: a Bigtable instance with its clusters.

Prices:
    Nodes: per node-hour of every cluster (num_nodes, or the autoscaling minimum), in the
    cluster's region. Storage: per GB-month of SSD or HDD storage, from usage.
Usage keys:
    storage_gb: GB stored in each cluster.
Not priced / assumptions:
    DEVELOPMENT instances are priced as one node. Replication traffic and backups are not priced.
    The shipped catalog has no Bigtable rows, so the components show as not priced until
    `catalog refresh`.
References:
    https://cloud.google.com/bigtable/pricing
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from costgate.model import HOURS_PER_MONTH, CostComponent, Resource
from costgate.resources.base import Pricer, PricingContext, UsageKey, dec, monthly, usage_component
from costgate.resources.google._common import gcp_query, region_of
from costgate.resources.google._compute import first

USAGE = (UsageKey("storage_gb", "float", "GB stored in each cluster"),)
ZONE = re.compile(r"^([a-z]+-[a-z]+\d+)-[a-z]$")


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    for i, c in enumerate(r.blocks("cluster")):
        zone = str(c.get("zone") or "")
        region = m.group(1) if (m := ZONE.match(zone)) else region_of(r)
        scaling = first(c, "autoscaling_config")
        nodes = dec(c.get("num_nodes")) or dec(scaling.get("min_nodes")) or Decimal(1)
        disk = "HDD" if str(c.get("storage_type") or "SSD").upper() == "HDD" else "SSD"
        q = gcp_query(
            r,
            "Cloud Bigtable",
            {"resourceGroup": "BigtableNode"},
            family="ApplicationServices",
            unit="h",
            region=region,
        )
        yield monthly("Nodes", "node-hours", nodes * HOURS_PER_MONTH, q, path=f"cluster[{i}]")
        q = gcp_query(
            r,
            "Cloud Bigtable",
            {"resourceGroup": f"Bigtable{disk}Storage"},
            family="ApplicationServices",
            unit="GiBy.mo",
            region=region,
        )
        yield usage_component(f"Storage ({disk})", "GB", ctx.usage, "storage_gb", q, path=f"cluster[{i}]")


PRICER = Pricer(type="google_bigtable_instance", price=_price, usage_keys=USAGE, doc=__doc__ or "")
