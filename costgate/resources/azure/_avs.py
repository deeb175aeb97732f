"""Azure VMware Solution hosts, shared by private clouds and their extra clusters.

A private cloud bills each host by the hour by host SKU (AV36, AV36P, AV52, AV64): Retail Prices
serviceName "Azure VMware Solution", skuName the SKU in capitals, per "1 Hour".
"""

from __future__ import annotations

from decimal import Decimal

from costgate.model import CostComponent, Resource
from costgate.resources.azure._common import azure_query, consumption
from costgate.resources.base import hourly


def hosts(r: Resource, sku: str, count: Decimal) -> CostComponent:
    """`count` hosts of `sku`, each hour."""
    label = sku.upper()
    query = azure_query(
        r, "Azure VMware Solution", consumption({"skuName": label}, "1 Hour"), family="Compute", unit="1 Hour"
    )
    return hourly(f"Hosts ({label})", query, count=count)
