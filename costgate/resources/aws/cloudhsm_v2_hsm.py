"""aws_cloudhsm_v2_hsm: one HSM in a CloudHSM v2 cluster.

Prices:
    HSM usage: per hour the HSM runs (730 h a month unless usage says otherwise).
Usage keys:
    monthly_hrs: hours the HSM runs a month (default 730).
Not priced / assumptions:
    The cluster itself is free; each HSM is billed by the hour. The HSM type is read from
    the cluster the HSM belongs to (hsm1.medium unless it says hsm2m.medium). The shipped
    catalog has no CloudHSM price: the component shows as not priced until a catalog refresh.
References:
    https://aws.amazon.com/cloudhsm/pricing/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.aws._common import aws_query, ut
from costgate.resources.base import Pricer, PricingContext, UsageKey, hourly

USAGE = (UsageKey("monthly_hrs", "float", "Hours the HSM runs a month (default 730)"),)
USAGE_TYPES = {"hsm2m.medium": "CloudHSMv2Usage-hsm2m.m"}


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    cluster = ctx.resolve(r, "cluster_id")
    hsm_type = str(cluster.get("hsm_type", "")) if cluster is not None else ""
    usagetype = USAGE_TYPES.get(hsm_type, "CloudHSMv2Usage")
    query = aws_query(r, "CloudHSM", "Dedicated-Host", {"usagetype": ut(r, usagetype)}, unit="Hrs")
    yield hourly("HSM usage", query, hours=ctx.usage.number("monthly_hrs"), usage_based=True)


PRICER = Pricer(type="aws_cloudhsm_v2_hsm", price=_price, usage_keys=USAGE, doc=__doc__ or "")
