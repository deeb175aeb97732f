"""aws_ami_copy: a copy of an AMI (often into another region), with its own EBS snapshots.

Prices:
    EBS snapshot storage: per GB-month in the copy's region, at most the size of the source AMI's
    volumes when the source is in the plan (an aws_ami's ebs_block_device sizes, or the instance
    of an aws_ami_from_instance).
Usage keys:
    storage_gb: GB the copy's snapshots store (default: the source's volume sizes).
Not priced / assumptions:
    A copy stores a full copy of the snapshots at first: the size is an upper bound, counted as
    usage-based. A source AMI outside the plan (the usual case: source_ami_id a literal) gives a
    size that depends on usage. Cross-region data transfer for the copy is billed separately.
References:
    https://aws.amazon.com/ebs/pricing/
    https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/CopyingAMIs.html
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.aws._ami import STORAGE_KEY, ami_volumes_gb, snapshot_storage
from costgate.resources.base import Pricer, PricingContext


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    yield snapshot_storage(r, ctx, ami_volumes_gb(r, ctx))


PRICER = Pricer(type="aws_ami_copy", price=_price, usage_keys=(STORAGE_KEY,), doc=__doc__ or "")
