"""azurerm_eventhub_cluster: a dedicated Event Hubs cluster.

Prices:
    Capacity units per hour: sku_name "Dedicated_<n>" runs n units.
Usage keys:
    None.
Not priced / assumptions:
    Namespaces placed on the cluster (dedicated_cluster_id) add nothing; their ingress,
    Capture and retention up to 10 TB per capacity unit are included. Extended retention
    beyond that is not priced.
References:
    https://azure.microsoft.com/pricing/details/event-hubs/
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from costgate.model import HOURS_PER_MONTH, CostComponent, Resource
from costgate.resources.azure._common import azure_query
from costgate.resources.base import Pricer, PricingContext, dec, monthly


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    units = dec(str(r.get("sku_name") or "Dedicated_1").rpartition("_")[2]) or Decimal(1)
    q = azure_query(
        r,
        "Event Hubs",
        {"skuName": "Dedicated", "meterName": "Dedicated Capacity Unit", "unitOfMeasure": "1 Hour"},
        unit="1 Hour",
    )
    yield monthly("Capacity (Dedicated)", "capacity units", units, q, unit_multiplier=HOURS_PER_MONTH)


PRICER = Pricer(type="azurerm_eventhub_cluster", price=_price, doc=__doc__ or "")
