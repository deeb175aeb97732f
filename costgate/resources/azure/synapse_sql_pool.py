"""azurerm_synapse_sql_pool: a dedicated SQL pool of a Synapse workspace.

Prices:
    Compute per hour at the size of sku_name (DW100c to DW30000c); data storage per TB-month
    and geo-redundant disaster-recovery snapshots (usage).
Usage keys:
    storage_tb: data stored (TB).
    disaster_recovery_enabled: geo-redundant snapshots are kept (true or false).
Not priced / assumptions:
    A paused pool bills storage only; the pool is counted as running all month. The product
    names follow Azure's dedicated SQL pool listing ("Azure Synapse Analytics Dedicated SQL
    Pool", skuName = the DWU size); the shipped catalog has none, so the lines are reported
    unpriced with their queries.
References:
    https://azure.microsoft.com/pricing/details/synapse-analytics/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, PriceQuery, Resource
from costgate.resources.azure._common import azure_query, location_from
from costgate.resources.base import Pricer, PricingContext, UsageKey, hourly, monthly

USAGE = (
    UsageKey("storage_tb", "float", "Data stored by the pool (TB)"),
    UsageKey("disaster_recovery_enabled", "bool", "Geo-redundant snapshots are kept"),
)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    sku = str(r.get("sku_name") or "DW100c")

    def q(product: str, sku_name: str, unit: str) -> PriceQuery:
        return azure_query(
            r,
            "Azure Synapse Analytics",
            {"productName": f"Azure Synapse Analytics {product}", "skuName": sku_name, "unitOfMeasure": unit},
            family="Analytics",
            unit=unit,
            region=location_from(r, ctx, "synapse_workspace_id"),
        )

    yield hourly(f"Compute ({sku})", q("Dedicated SQL Pool", sku, "1 Hour"))
    stored = ctx.usage.number("storage_tb")
    yield monthly(
        "Storage", "TB", stored, q("Dedicated SQL Pool Storage", "Standard LRS", "1 TB/Month"), usage_based=True
    )
    if ctx.usage.raw("disaster_recovery_enabled") is True:
        yield monthly(
            "Geo-redundant disaster recovery",
            "TB",
            stored,
            q("Dedicated SQL Pool Storage", "Standard RA-GRS", "1 TB/Month"),
            usage_based=True,
        )


PRICER = Pricer(type="azurerm_synapse_sql_pool", price=_price, usage_keys=USAGE, doc=__doc__ or "")
