"""azurerm_log_analytics_cluster: a dedicated Log Analytics cluster.

Prices:
    The cluster's commitment tier (size_gb a day: 100 to 50,000 GB) per day, shown per hour.
Usage keys:
    None.
Not priced / assumptions:
    Ingestion above the commitment is billed at the tier's effective rate and is not priced;
    workspaces linked to the cluster bill their ingestion here instead of on the workspace, so
    give their ingestion usage on neither.
References:
    https://azure.microsoft.com/pricing/details/monitor/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import HOURS_PER_MONTH, CostComponent, Resource
from costgate.resources.azure._common import PER_DAY, azure_query
from costgate.resources.base import Pricer, PricingContext, monthly

TIERS = (100, 200, 300, 400, 500, 1000, 2000, 5000, 10000, 25000, 50000)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    wanted = int(r.get("size_gb") or 100)
    tier = max([t for t in TIERS if t <= wanted] or [TIERS[0]])
    q = azure_query(
        r,
        "Azure Monitor",
        {
            "skuName": f"{tier} GB Commitment Tier",
            "meterName": f"{tier} GB Commitment Tier Capacity Reservation",
            "unitOfMeasure": "1/Day",
        },
        family="Management and Governance",
        unit="1/Day",
    )
    yield monthly(f"Commitment tier ({tier} GB a day)", "hours", HOURS_PER_MONTH, q, unit_multiplier=PER_DAY)


PRICER = Pricer(type="azurerm_log_analytics_cluster", price=_price, doc=__doc__ or "")
