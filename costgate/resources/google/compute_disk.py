"""google_compute_disk: a zonal persistent disk or Hyperdisk.

Prices:
    Provisioned storage: per GB-month by disk type (pd-standard, pd-balanced, pd-ssd, pd-extreme,
    hyperdisk-*), zonal replication.
    Provisioned IOPS: pd-extreme and hyperdisk-extreme, per IOPS-month (provisioned_iops).
Usage keys:
    None.
Not priced / assumptions:
    A disk without `size` takes its image's or snapshot's size when that resource is in the
    configuration, 10 GB for a public image, else Compute Engine's default (500 GB pd-standard,
    1,000 GB extreme, 100 GB others). Unset provisioned_iops: 100,000 (pd-extreme) and 350,000
    (hyperdisk-extreme). Hyperdisk balanced/throughput IOPS and throughput are not priced
    separately (the shipped catalog has no rows for them).
References:
    https://cloud.google.com/compute/disks-image-pricing
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.base import Pricer, PricingContext, dec
from costgate.resources.google._compute import Disk, disk_components
from costgate.resources.google._disk import disk_size


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    disk = Disk(str(r.get("type") or "pd-standard"), disk_size(r, ctx), iops=dec(r.get("provisioned_iops")))
    yield from disk_components(r, disk)


PRICER = Pricer(type="google_compute_disk", price=_price, doc=__doc__ or "")
