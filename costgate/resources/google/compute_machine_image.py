"""google_compute_machine_image: a machine image (configuration, metadata and disk data of a VM).

Prices:
    Storage: per GB-month of machine image storage.
Usage keys:
    storage_gb: GB the machine image holds.
Not priced / assumptions:
    The stored size is the compressed, deduplicated disk data, which the configuration does not
    tell: without storage_gb the quantity depends on usage.
References:
    https://cloud.google.com/compute/disks-image-pricing#machine-image
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.base import Pricer, PricingContext, UsageKey, usage_component
from costgate.resources.google._common import compute_query

USAGE = (UsageKey("storage_gb", "float", "GB the machine image holds"),)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    q = compute_query(r, "Storage", {"resourceGroup": "MachineImageStorage"}, "GiBy.mo")
    yield usage_component("Storage", "GB", ctx.usage, "storage_gb", q)


PRICER = Pricer(type="google_compute_machine_image", price=_price, usage_keys=USAGE, doc=__doc__ or "")
