"""HDInsight cluster pricing shared by the five HDInsight cluster types.

A cluster bills each role's nodes by the hour at HDInsight's rate for the VM size (Retail
Prices serviceName "HDInsight", looked up by armSkuName): two head nodes, the worker nodes
(`target_instance_count`), three ZooKeeper nodes where the type has them, and edge nodes.
HDInsight's list spells some sizes its own way (reference estimator): the D-series v2 sizes
as "Standard_Dv2<n>" ("Standard_D13_V2" -> "Standard_Dv213") and v4 sizes with a space
("Standard_E8_v4" -> "Standard_E8 v4"). Kafka workers also carry managed data disks of 1 TiB each,
billed per disk-month under HDInsight's own meters: S30 on a Standard-tier cluster, P30 on Premium.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from decimal import Decimal
from typing import Any

from costgate.model import CostComponent, Resource
from costgate.resources.azure._common import azure_query
from costgate.resources.base import dec, hourly, monthly

D_SERIES = frozenset({"D1", "D2", "D3", "D4", "D5", "D11", "D12", "D13", "D14"})
A_SERIES = frozenset({"A5", "A6", "A7", "A8", "A9", "A10", "A11"})
ROLES = (
    ("head_node", "Head", Decimal(2)),
    ("worker_node", "Worker", None),
    ("zookeeper_node", "Zookeeper", Decimal(3)),
    ("edge_node", "Edge", None),
)


def hdinsight_sku(size: str) -> str:
    """The armSkuName HDInsight's price list uses for a VM size."""
    parts = size.split("_")
    if len(parts) == 1 and parts[0].upper() in A_SERIES:
        return f"Standard_{parts[0]}"
    if len(parts) > 1 and parts[1].upper() in D_SERIES:
        version = parts[2].lower() if len(parts) > 2 else "v2"
        return f"{parts[0]}_{parts[1][0]}{version}{parts[1][1:]}"
    if len(parts) == 3 and parts[2].lower() == "v4":
        return f"{parts[0]}_{parts[1]} {parts[2]}"
    return size


def node_components(r: Resource) -> Iterator[CostComponent]:
    """Hourly nodes of every role the cluster declares."""
    for key, label, fixed in ROLES:
        node = _role(r, key)
        size = node.get("vm_size") if node else None
        if not size:
            continue
        count = fixed if fixed is not None else dec(node.get("target_instance_count"), Decimal(1)) or Decimal(0)
        query = azure_query(
            r,
            "HDInsight",
            {"armSkuName": hdinsight_sku(str(size)), "type": "Consumption"},
            family="Analytics",
            unit="1 Hour",
        )
        yield hourly(f"{label} node ({size})", query, count=count)


KAFKA_DISKS = {"standard": "S30", "premium": "P30"}
"""Kafka worker disk (skuName) by cluster `tier`: 1 TiB Standard HDD or Premium SSD (reference estimator)."""


def _role(r: Resource, key: str) -> Mapping[str, Any]:
    blocks = r.block("roles").get(key) or []
    if isinstance(blocks, list):
        return blocks[0] if blocks and isinstance(blocks[0], Mapping) else {}
    return blocks if isinstance(blocks, Mapping) else {}


def kafka_disk_components(r: Resource) -> Iterator[CostComponent]:
    """Managed data disks of the Kafka workers: `number_of_disks_per_node` per worker, per month."""
    worker = _role(r, "worker_node")
    sku = KAFKA_DISKS.get(str(r.get("tier") or "standard").lower())
    disks = dec(worker.get("number_of_disks_per_node"))
    if sku is None or not disks:
        return
    workers = dec(worker.get("target_instance_count"), Decimal(1)) or Decimal(0)
    query = azure_query(
        r,
        "HDInsight",
        {"skuName": sku, "meterName": f"{sku} Disk", "type": "Consumption", "unitOfMeasure": "1/Month"},
        family="Analytics",
        unit="1/Month",
    )
    yield monthly(f"Managed disks ({sku})", "months", disks * workers, query)
