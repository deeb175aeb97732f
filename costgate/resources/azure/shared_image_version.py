"""azurerm_shared_image_version: an image version in an Azure Compute Gallery, with its replicas.

Prices:
    Replica storage: per GB-month of the image (usage: storage_gb, else the size of the managed
    image it is made from) for each replica (`target_region.regional_replica_count`, default 1),
    at the snapshot rate of each replica's storage (`storage_account_type` Standard_LRS, the
    default, Standard_ZRS or Premium_LRS), in each target region.
Usage keys:
    storage_gb: GB the image version holds.
Not priced / assumptions:
    Azure bills replicas as managed snapshots on the data they hold: the image size is an upper
    bound. Network egress to replicate the image is not priced. Premium replicas are looked up as
    Premium SSD "Snapshots LRS"; a miss shows as not priced.
References:
    https://azure.microsoft.com/pricing/details/managed-disks/
    https://learn.microsoft.com/azure/virtual-machines/azure-compute-gallery#billing
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from decimal import Decimal

from costgate.model import CostComponent, Resource
from costgate.resources.azure._common import azure_query, normalize_location
from costgate.resources.azure._disk import SNAPSHOT_METERS as METERS
from costgate.resources.base import Pricer, PricingContext, UsageKey, dec, monthly

USAGE = (UsageKey("storage_gb", "float", "GB the image version holds"),)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    size = ctx.usage.number("storage_gb")
    if size is None and (image := ctx.resolve(r, "managed_image_id")) is not None:
        size = dec(image.block("os_disk").get("size_gb"))
    for target in r.blocks("target_region"):
        kind = str(target.get("storage_account_type") or "Standard_LRS")
        product, sku, meter = METERS.get(kind.lower(), METERS["standard_lrs"])
        replicas = dec(target.get("regional_replica_count"), Decimal(1)) or Decimal(1)
        region = normalize_location(str(target.get("name") or r.region or ""))
        attrs = {"productName": product, "skuName": sku, "meterName": meter, "type": "Consumption"}
        query = azure_query(r, "Storage", attrs, family="Storage", unit="1 GB/Month", region=region or None)
        c = monthly(
            f"Replica storage ({region}, {replicas} x {kind})", "GB", None if size is None else size * replicas, query
        )
        yield replace(c, usage_based=True)


PRICER = Pricer(type="azurerm_shared_image_version", price=_price, usage_keys=USAGE, doc=__doc__ or "")
