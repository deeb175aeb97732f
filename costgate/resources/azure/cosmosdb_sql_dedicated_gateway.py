"""azurerm_cosmosdb_sql_dedicated_gateway: a dedicated gateway (with integrated cache) of a Cosmos DB account.

Prices:
    Gateway nodes per hour: instance_count nodes of instance_size ("Cosmos.D4s" -> the "D4s"
    meter of "Azure Cosmos DB Dedicated Gateway - General Purpose"; E sizes under "... - Memory
    Optimized") in every region of the account (its geo_location blocks): Azure provisions an
    identical gateway cluster in each region.
Usage keys:
    (none)
Not priced / assumptions:
    Requests the integrated cache serves consume no RU/s, so it can lower the throughput priced on
    the account's databases and containers; that saving is not estimated. No source on this machine
    prices the gateway meters: they show as not priced until `costgate catalog refresh --provider
    azure --service "Azure Cosmos DB"`.
References:
    https://azure.microsoft.com/pricing/details/cosmos-db/autoscale-provisioned/
    https://learn.microsoft.com/azure/cosmos-db/dedicated-gateway
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from costgate.model import CostComponent, Resource
from costgate.resources.azure import _cosmos
from costgate.resources.azure._common import azure_query
from costgate.resources.base import Pricer, PricingContext, dec, hourly

PRODUCTS = {"D": "General Purpose", "E": "Memory Optimized"}


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    account = ctx.resolve(r, "cosmosdb_account_id")
    size = str(r.get("instance_size") or "Cosmos.D4s").removeprefix("Cosmos.")
    product = f"Azure Cosmos DB Dedicated Gateway - {PRODUCTS.get(size[:1].upper(), 'General Purpose')}"
    nodes = dec(r.get("instance_count")) or Decimal(1)
    for region, _zone in _cosmos.regions(account, r, ctx):
        attributes = {"productName": product, "skuName": size, "meterName": size, "unitOfMeasure": "1 Hour"}
        query = azure_query(r, _cosmos.SERVICE, attributes, family="Databases", region=region, unit="1 Hour")
        yield hourly(f"Gateway nodes ({size}, {region})", query, count=nodes)


PRICER = Pricer(type="azurerm_cosmosdb_sql_dedicated_gateway", price=_price, doc=__doc__ or "")
