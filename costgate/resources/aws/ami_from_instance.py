"""aws_ami_from_instance: an AMI made from an instance, one new EBS snapshot per volume.

Prices:
    EBS snapshot storage: per GB-month, at most the sizes of the source instance's volumes
    (root and EBS block devices as aws_instance reads them; the root is 8 GB gp2 when unknown).
Usage keys:
    storage_gb: GB the AMI's snapshots store (default: the volumes' sizes).
Not priced / assumptions:
    Snapshots are incremental and compressed by block: the volumes' sizes are an upper bound,
    counted as usage-based. Without the source instance in the plan the size depends on usage.
    Registering the AMI is free.
References:
    https://aws.amazon.com/ebs/pricing/
    https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/ami-billing-info.html
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.aws._ami import STORAGE_KEY, ami_volumes_gb, snapshot_storage
from costgate.resources.base import Pricer, PricingContext


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    yield snapshot_storage(r, ctx, ami_volumes_gb(r, ctx))


PRICER = Pricer(type="aws_ami_from_instance", price=_price, usage_keys=(STORAGE_KEY,), doc=__doc__ or "")
