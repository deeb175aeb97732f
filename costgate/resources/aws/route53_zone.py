"""aws_route53_zone: a Route 53 hosted zone (public or private).

Prices:
    Hosted zone: per zone-month.
Usage keys:
    None.
Not priced / assumptions:
    Route 53 is a global service: its prices are queried in ROUTE53_REGION (us-east-1, where the
    shipped catalog keeps the Price List's "Global" rows) whatever the provider's region.
    The cheaper rate after an account's first 25 zones is an account-wide tier a single zone cannot
    see: every zone is priced at the first-25 rate. Queries are priced on aws_route53_record.
References:
    https://aws.amazon.com/route53/pricing/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.aws._common import aws_query
from costgate.resources.base import Pricer, PricingContext, monthly

ROUTE53_REGION = "us-east-1"


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    yield monthly(
        "Hosted zone",
        "months",
        1,
        aws_query(
            r, "AmazonRoute53", "DNS Zone", {"usagetype": "HostedZone"}, unit="HostedZone", region=ROUTE53_REGION
        ),
    )


PRICER = Pricer(type="aws_route53_zone", price=_price, doc=__doc__ or "")
