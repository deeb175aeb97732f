"""aws_route53_health_check: a Route 53 health check.

Prices:
    Health check: per month, for an AWS endpoint or a non-AWS endpoint (usage: endpoint_type).
    Optional features: per feature a month: HTTPS, string matching (*_STR_MATCH types), fast
    interval (request_interval 10) and latency measurement (measure_latency).
Usage keys:
    endpoint_type: aws (the default) or non_aws: whether the checked endpoint runs on AWS.
Not priced / assumptions:
    Route 53 is global: prices are queried in us-east-1 whatever the provider's region. The first
    50 AWS-endpoint health checks of an account are free; costgate cannot see an account's
    count, so it charges every AWS-endpoint check at the per-check price (as the reference
    estimator does).
References:
    https://aws.amazon.com/route53/pricing/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.aws._common import aws_query
from costgate.resources.base import Pricer, PricingContext, UsageKey, monthly

ROUTE53_REGION = "us-east-1"
USAGE = (UsageKey("endpoint_type", "str", "aws or non_aws: whether the checked endpoint runs on AWS", "aws"),)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    endpoint = "Non-AWS" if (ctx.usage.text("endpoint_type") or "aws").lower().replace("_", "-") == "non-aws" else "AWS"
    kind = str(r.get("type", ""))
    yield monthly(
        "Health check",
        "months",
        1,
        aws_query(
            r,
            "AmazonRoute53",
            "DNS Health Check",
            {"usagetype": f"Health-Check-{endpoint}"},
            unit="Count",
            region=ROUTE53_REGION,
        ),
        tiered=False,
    )
    features = sum(
        (
            kind.startswith("HTTPS"),
            kind.endswith("STR_MATCH"),
            str(r.get("request_interval", "30")) == "10",
            r.get("measure_latency") is True,
        )
    )
    if features:
        yield monthly(
            "Optional features",
            "months",
            features,
            aws_query(
                r,
                "AmazonRoute53",
                "DNS Health Check",
                {"usagetype": f"Health-Check-Option-{endpoint}"},
                unit="Count",
                region=ROUTE53_REGION,
            ),
        )


PRICER = Pricer(type="aws_route53_health_check", price=_price, usage_keys=USAGE, doc=__doc__ or "")
