"""google_compute_resource_policy: a Compute Engine resource policy (snapshot schedule, VM schedule, placement).

Prices:
    Snapshot storage: per GB-month of the snapshots a snapshot schedule
    (`snapshot_schedule_policy`) keeps, at the standard snapshot rate of the policy's region
    (usage: storage_gb, the GB all its retained snapshots hold).
Usage keys:
    storage_gb: GB the snapshots the schedule retains hold together.
Not priced / assumptions:
    Instance schedules, group placement and workload policies cost nothing themselves: a
    "no charge" line. The snapshots' size depends on the disks the policy is attached to
    (google_compute_disk_resource_policy_attachment, free) and on how much they change between
    snapshots, so it comes from usage: the first snapshot of a disk is a full copy, later ones
    are incremental. Snapshots kept in a multi-region storage location are priced at the
    policy region's rate.
References:
    https://cloud.google.com/compute/disks-image-pricing#persistentdisk
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.base import Pricer, PricingContext, UsageKey, no_charge, usage_component
from costgate.resources.google._common import compute_query

USAGE = (UsageKey("storage_gb", "float", "GB the snapshots the schedule retains hold together"),)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    if not r.blocks("snapshot_schedule_policy"):
        yield no_charge(r, "Policy", "an instance schedule or placement policy has no charge")
        return
    q = compute_query(r, "Storage", {"diskType": "pd-snapshot"}, "GiBy.mo")
    yield usage_component("Snapshot storage", "GB", ctx.usage, "storage_gb", q)


PRICER = Pricer(type="google_compute_resource_policy", price=_price, usage_keys=USAGE, doc=__doc__ or "")
