"""google_compute_region_disk: a persistent disk replicated across two zones of a region.

Prices:
    Provisioned storage: per GB-month by disk type at regional (two-zone) rates.
Usage keys:
    None.
Not priced / assumptions:
    A disk without `size` takes its snapshot's size when that is in the configuration, else
    Compute Engine's default (500 GB pd-standard, 100 GB others).
References:
    https://cloud.google.com/compute/disks-image-pricing
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.base import Pricer, PricingContext
from costgate.resources.google._compute import Disk, disk_components
from costgate.resources.google._disk import disk_size


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    yield from disk_components(r, Disk(str(r.get("type") or "pd-standard"), disk_size(r, ctx), replication="regional"))


PRICER = Pricer(type="google_compute_region_disk", price=_price, doc=__doc__ or "")
