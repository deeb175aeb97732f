"""azurerm_kusto_cluster: an Azure Data Explorer (Kusto) cluster.

Prices:
    Instance usage: the engine nodes' VM size per hour (`sku.name` without its "Dev(No SLA)_"
    prefix, Linux compute under serviceName "Virtual Machines"), times `sku.capacity` nodes (the
    autoscale minimum when `optimized_auto_scale` is set; Dev SKUs run one node).
    Markup: per vCore-hour of the engine nodes (Retail Prices serviceName "Azure Data Explorer",
    meterName "Standard Markup"); Dev SKUs carry no markup.
Usage keys:
    (none)
Not priced / assumptions:
    Hot cache SSDs come with the VM size; storage of the data (a storage account Azure manages)
    and data transfer depend on usage and are not priced. vCores come from the size name (the
    digits after the family letters; legacy D11-D14 v2 sizes have 2-16 vCPUs). This machine's
    catalog has no Data Explorer rows, so the markup query (no serviceFamily asked) could not be
    checked here and shows as not priced until `catalog refresh`.
References:
    https://azure.microsoft.com/pricing/details/data-explorer/
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from costgate.model import HOURS_PER_MONTH, CostComponent, Resource
from costgate.resources.azure._common import azure_query, consumption
from costgate.resources.azure._vm import vm_hours
from costgate.resources.base import Pricer, PricingContext, dec, monthly

DEV_PREFIX = "dev(no sla)_"
LEGACY_D_VCPUS = {"11": 2, "12": 4, "13": 8, "14": 16}
"""D11-D14 (and DS) v2 sizes: the number is a size index, not the vCPU count."""
SIZE_RE = re.compile(r"^Standard_([A-Z]+)(\d+)", re.IGNORECASE)


def vcpus(size: str) -> Decimal | None:
    """vCPUs of a VM size name ("Standard_E8ads_v5" -> 8, "Standard_D13_v2" -> 8)."""
    m = SIZE_RE.match(size)
    if m is None:
        return None
    family, digits = m.group(1).upper(), m.group(2)
    if family in ("D", "DS") and digits in LEGACY_D_VCPUS:
        return Decimal(LEGACY_D_VCPUS[digits])
    return Decimal(digits)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    sku = r.block("sku")
    name = str(sku.get("name") or "")
    dev = name.lower().startswith(DEV_PREFIX)
    size = name[len(DEV_PREFIX) :] if dev else name
    scale = r.block("optimized_auto_scale")
    nodes = Decimal(1) if dev else dec(scale.get("minimum_instances")) or dec(sku.get("capacity")) or Decimal(2)
    yield vm_hours(r, size, windows=False, count=nodes)
    if dev:
        return
    cores = vcpus(size)
    attrs = consumption({"productName": "Azure Data Explorer", "meterName": "Standard Markup"}, "1 Hour")
    q = azure_query(r, "Azure Data Explorer", attrs, unit="1 Hour")
    yield monthly("Markup", "vCore-hours", None if cores is None else cores * nodes * HOURS_PER_MONTH, q)


PRICER = Pricer(type="azurerm_kusto_cluster", price=_price, doc=__doc__ or "")
