"""google_compute_image: a custom disk image stored by Compute Engine.

Prices:
    Storage: per GB-month of image storage.
Usage keys:
    storage_gb: GB the image holds (overrides the size worked out from the configuration).
Not priced / assumptions:
    Without storage_gb the size is disk_size_gb, else the size of the source disk, image or
    snapshot in the configuration; an image from a raw disk file (raw_disk) depends on usage.
    Google bills the archive size, which is usually smaller than the disk: a ceiling.
References:
    https://cloud.google.com/compute/disks-image-pricing#imagestorage
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.base import Pricer, PricingContext, UsageKey, monthly
from costgate.resources.google._common import compute_query
from costgate.resources.google._disk import source_size

USAGE = (UsageKey("storage_gb", "float", "GB the image holds"),)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    given = ctx.usage.number("storage_gb")
    size = given if given is not None else source_size(r, ctx)
    q = compute_query(r, "Storage", {"resourceGroup": "ImageStorage"}, "GiBy.mo")
    yield monthly("Storage", "GB", size, q, usage_based=given is not None)


PRICER = Pricer(type="google_compute_image", price=_price, usage_keys=USAGE, doc=__doc__ or "")
