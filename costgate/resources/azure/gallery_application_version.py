"""azurerm_gallery_application_version: a VM application version in an Azure Compute Gallery.

Prices:
    Replica storage: per GB-month of the application package (usage: storage_gb) for each replica
    (`target_region.regional_replica_count`, default 1) in each target region, at the standard
    snapshot rate of its storage (`storage_account_type` Standard_LRS, the default, or
    Standard_ZRS; Premium_LRS at the Premium SSD snapshot rate).
Usage keys:
    storage_gb: GB the application package holds.
Not priced / assumptions:
    The package's source blob is priced on its storage account. Azure bills gallery replicas as
    managed snapshots; network egress to replicate is not priced.
References:
    https://learn.microsoft.com/azure/virtual-machines/vm-applications#cost
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from costgate.model import CostComponent, Resource
from costgate.resources.azure._common import azure_query, normalize_location
from costgate.resources.azure._disk import SNAPSHOT_METERS as METERS
from costgate.resources.base import Pricer, PricingContext, UsageKey, dec, monthly

USAGE = (UsageKey("storage_gb", "float", "GB the application package holds"),)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    size = ctx.usage.number("storage_gb")
    for target in r.blocks("target_region"):
        kind = str(target.get("storage_account_type") or "Standard_LRS")
        product, sku, meter = METERS.get(kind.lower(), METERS["standard_lrs"])
        replicas = dec(target.get("regional_replica_count"), Decimal(1)) or Decimal(1)
        region = normalize_location(str(target.get("name") or r.region or "")) or None
        attrs = {"productName": product, "skuName": sku, "meterName": meter, "type": "Consumption"}
        query = azure_query(r, "Storage", attrs, family="Storage", unit="1 GB/Month", region=region)
        yield monthly(
            f"Replica storage ({region}, {replicas} x {kind})",
            "GB",
            None if size is None else size * replicas,
            query,
            usage_based=True,
        )


PRICER = Pricer(type="azurerm_gallery_application_version", price=_price, usage_keys=USAGE, doc=__doc__ or "")
