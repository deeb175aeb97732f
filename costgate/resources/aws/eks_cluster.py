"""aws_eks_cluster: an EKS control plane.

Prices:
    EKS cluster: per cluster-hour, at the standard-support rate.
    EKS cluster (extended support): per cluster-hour, once the cluster's Kubernetes version has
    left standard support (and upgrade_policy.support_type is not STANDARD).
Usage keys:
    none.
Not priced / assumptions:
    A cluster without `version` gets the latest version: standard support. Whether a version is
    in extended support depends on the pricing date (ctx.today: today, or --as-of) and AWS's published end-of-standard-support
    dates (table below; a version newer than the table is in standard support).
    Node groups, Fargate pods and EKS Auto Mode management fees are priced by their own resources.
References:
    https://aws.amazon.com/eks/pricing/
    https://docs.aws.amazon.com/eks/latest/userguide/kubernetes-versions.html
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from costgate.model import CostComponent, Resource
from costgate.resources.aws._common import aws_query, ut
from costgate.resources.base import Pricer, PricingContext, hourly

END_OF_STANDARD_SUPPORT = {
    "1.23": date(2023, 10, 11),
    "1.24": date(2024, 1, 31),
    "1.25": date(2024, 5, 1),
    "1.26": date(2024, 6, 11),
    "1.27": date(2024, 7, 24),
    "1.28": date(2024, 11, 26),
    "1.29": date(2025, 3, 23),
    "1.30": date(2025, 7, 23),
    "1.31": date(2025, 11, 26),
    "1.32": date(2026, 3, 23),
    "1.33": date(2026, 7, 29),
}
"""Kubernetes minor version -> last day of EKS standard support (AWS's published calendar)."""


def extended_support(version: str | None, today: date) -> bool:
    """True when `version` has left standard support on `today` (older than the table: True)."""
    if not version:
        return False
    try:
        minor = tuple(int(p) for p in version.split(".")[:2])
    except ValueError:
        return False
    end = END_OF_STANDARD_SUPPORT.get(".".join(map(str, minor)))
    return today > end if end is not None else minor < (1, 23)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    policy = str(r.block("upgrade_policy").get("support_type") or "EXTENDED").upper()
    if policy != "STANDARD" and extended_support(r.get("version"), ctx.today):
        yield hourly(
            "EKS cluster (extended support)",
            aws_query(r, "AmazonEKS", "Compute", {"usagetype": ut(r, "AmazonEKS-Hours:extendedSupport")}, unit="Hrs"),
        )
    else:
        yield hourly(
            "EKS cluster",
            aws_query(r, "AmazonEKS", "Compute", {"usagetype": ut(r, "AmazonEKS-Hours:perCluster")}, unit="Hrs"),
        )


PRICER = Pricer(type="aws_eks_cluster", price=_price, doc=__doc__ or "")
