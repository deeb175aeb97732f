"""aws_ebs_volume: a standalone EBS volume.

Prices:
    Storage: per GB-month by volume type (gp2, gp3, io1, io2, st1, sc1, standard).
    Provisioned IOPS: io1; io2 in AWS's tiers (to 32,000, to 64,000, above); gp3 above 3,000.
    Provisioned throughput: gp3 above 125 MiB/s.
    I/O requests: magnetic (standard) volumes, per million (usage: monthly_standard_io_requests).
Usage keys:
    monthly_standard_io_requests: I/O requests a month on a magnetic volume.
Not priced / assumptions:
    A volume without `type` is gp2 (the EC2 API default). A size unknown until apply (a volume
    made from a snapshot) depends on usage rather than being guessed.
    Snapshots are priced by aws_ebs_snapshot.
References:
    https://aws.amazon.com/ebs/pricing/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.aws._ebs import volume_components, volume_of
from costgate.resources.base import Pricer, PricingContext, UsageKey

USAGE = (UsageKey("monthly_standard_io_requests", "float", "I/O requests a month on a magnetic (standard) volume"),)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    yield from volume_components(r, volume_of(r.values, size_key="size", type_key="type"), ctx.usage)


PRICER = Pricer(type="aws_ebs_volume", price=_price, usage_keys=USAGE, doc=__doc__ or "")
