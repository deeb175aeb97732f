"""Sizes of persistent disks, images and snapshots, followed through the resources they come from.

A disk's size is its `size`; without one, the size of the image or snapshot it is made from
(when that is in the same configuration), else Compute Engine's default for the type.
"""

from __future__ import annotations

from decimal import Decimal

from costgate.model import Resource
from costgate.resources.base import PricingContext, dec

DEFAULT_SIZE = {"pd-standard": Decimal(500), "pd-extreme": Decimal(1000), "hyperdisk-extreme": Decimal(1000)}
"""GB a disk gets with no size, image or snapshot (100 GB for the other types)."""
PUBLIC_IMAGE_GB = Decimal(10)
"""A disk from a public image (not in the configuration) takes the image's 10 GB."""


def disk_size(r: Resource, ctx: PricingContext, *, depth: int = 0) -> Decimal:
    """The GB of a google_compute_disk / region_disk, from its size, image or snapshot."""
    size = dec(r.get("size"))
    if size is not None:
        return size
    if depth < 4:
        for attr in ("image", "snapshot", "source_disk", "source_image", "source_snapshot"):
            src = ctx.resolve(r, attr)
            if src is not None:
                return source_size(src, ctx, depth=depth + 1) or PUBLIC_IMAGE_GB
    if r.get("image") or r.get("snapshot"):
        return PUBLIC_IMAGE_GB
    return DEFAULT_SIZE.get(str(r.get("type") or "pd-standard"), Decimal(100))


def source_size(src: Resource, ctx: PricingContext, *, depth: int = 0) -> Decimal | None:
    """The GB a disk, image or snapshot holds, following what it was made from."""
    if src.type in ("google_compute_disk", "google_compute_region_disk"):
        return disk_size(src, ctx, depth=depth)
    size = dec(src.get("disk_size_gb"))
    if size is not None or depth >= 4:
        return size
    for attr in ("source_disk", "source_image", "source_snapshot"):
        nxt = ctx.resolve(src, attr)
        if nxt is not None:
            return source_size(nxt, ctx, depth=depth + 1)
    return None
