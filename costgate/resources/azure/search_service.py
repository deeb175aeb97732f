"""azurerm_search_service: an Azure AI Search service.

Prices:
    Search units per hour: replica_count x partition_count (each default 1) of the sku
    (basic, standard, standard2, standard3, storage_optimized_l1, storage_optimized_l2).
    Image extraction in skillsets per 1,000 images (usage), one line per volume tier Azure
    prices differently (first 1M, next 4M, over 5M a month). The free sku costs nothing.
Usage keys:
    monthly_images_extracted: images extracted from documents a month.
Not priced / assumptions:
    Semantic ranker, AI enrichment by Azure AI services and private endpoints bill elsewhere;
    standard3 with hosting_mode highDensity is priced as standard3.
References:
    https://azure.microsoft.com/pricing/details/search/
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from costgate.model import CostComponent, PriceQuery, Resource
from costgate.resources.azure._common import azure_query
from costgate.resources.base import Pricer, PricingContext, UsageKey, dec, hourly, monthly, no_charge

USAGE = (UsageKey("monthly_images_extracted", "float", "Images extracted from documents a month"),)
SKUS = {
    "basic": "Basic",
    "standard": "Standard S1",
    "standard2": "Standard S2",
    "standard3": "Standard S3",
    "storage_optimized_l1": "Storage Optimized L1",
    "storage_optimized_l2": "Storage Optimized L2",
}


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    sku = str(r.get("sku") or "basic").lower()
    if sku == "free":
        yield no_charge(r, "Search service", "Free tier")
        return
    name = SKUS.get(sku, sku)

    def q(attrs: dict[str, str], unit: str) -> PriceQuery:
        return azure_query(r, "Azure Cognitive Search", {**attrs, "unitOfMeasure": unit}, family="Web", unit=unit)

    units = (dec(r.get("replica_count")) or Decimal(1)) * (dec(r.get("partition_count")) or Decimal(1))
    yield hourly(
        f"Search usage ({name}, {units} unit{'' if units == 1 else 's'})",
        q({"skuName": name, "meterName": f"{name} Unit"}, "1 Hour"),
        count=units,
    )
    images = ctx.usage.number("monthly_images_extracted")
    yield monthly(
        "Image extraction",
        "1000 images",
        None if images is None else images / 1000,
        q({"skuName": "Document Cracking"}, "1K"),
        usage_based=True,
        split_tiers=True,
    )


PRICER = Pricer(type="azurerm_search_service", price=_price, usage_keys=USAGE, doc=__doc__ or "")
