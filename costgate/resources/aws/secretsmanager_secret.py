"""aws_secretsmanager_secret: a Secrets Manager secret.

Prices:
    Secret: per secret-month; each replica is a secret of its own, priced in its region.
    API requests: per 10k API calls (usage: monthly_requests).
Usage keys:
    monthly_requests: API requests a month.
Not priced / assumptions:
    The 30-day free trial is not deducted.
References:
    https://aws.amazon.com/secrets-manager/pricing/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.pricing.aws_regions import usage_type
from costgate.resources.aws._common import aws_query, ut
from costgate.resources.base import Pricer, PricingContext, UsageKey, monthly, usage_component

USAGE = (UsageKey("monthly_requests", "float", "API requests a month"),)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    yield monthly(
        "Secret",
        "months",
        1,
        aws_query(r, "AWSSecretsManager", "Secret", {"usagetype": ut(r, "AWSSecretsManager-Secrets")}, unit="Secrets"),
    )
    for replica in r.blocks("replica"):
        region = str(replica.get("region") or "")
        if region:
            yield monthly(
                f"Secret (replica, {region})",
                "months",
                1,
                aws_query(
                    r,
                    "AWSSecretsManager",
                    "Secret",
                    {"usagetype": usage_type(region, "AWSSecretsManager-Secrets")},
                    unit="Secrets",
                    region=region,
                ),
                path=f"replica.{region}",
            )
    yield usage_component(
        "API requests",
        "10k requests",
        ctx.usage,
        "monthly_requests",
        aws_query(
            r,
            "AWSSecretsManager",
            "API Request",
            {"usagetype": ut(r, "AWSSecretsManager-APIRequest")},
            unit="API Requests",
        ),
        per=10_000,
    )


PRICER = Pricer(type="aws_secretsmanager_secret", price=_price, usage_keys=USAGE, doc=__doc__ or "")
