"""aws_eks_fargate_profile: the Fargate pods an EKS Fargate profile runs.

Prices:
    Fargate memory: per GB-hour of pod memory.
    Fargate vCPU: per vCPU-hour of pod vCPU.
Usage keys:
    none.
Not priced / assumptions:
    A profile by itself costs nothing; its pods do. Without usage it is priced as one pod of
    1 vCPU and 1 GB running all month (730 hours), as the reference estimator does, so that the
    breakdown shows the rate; scale by the pods you run. Fargate ephemeral storage above 20 GB
    and Fargate Spot are not priced.
References:
    https://aws.amazon.com/fargate/pricing/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import HOURS_PER_MONTH, CostComponent, Resource
from costgate.resources.aws._common import aws_query, ut
from costgate.resources.base import Pricer, PricingContext, monthly


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    for name, unit, suffix in (
        ("Fargate memory", "GB", "Fargate-GB-Hours"),
        ("Fargate vCPU", "vCPU", "Fargate-vCPU-Hours:perCPU"),
    ):
        query = aws_query(r, "AmazonEKS", "Compute", {"usagetype": ut(r, suffix)}, unit="Hrs")
        yield monthly(name, unit, 1, query, unit_multiplier=HOURS_PER_MONTH)


PRICER = Pricer(type="aws_eks_fargate_profile", price=_price, doc=__doc__ or "")
