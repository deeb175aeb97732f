"""aws_kms_key: a customer managed KMS key.

Prices:
    Customer master key: per key-month.
    Requests: per 10k API requests, at the rate of the key spec: symmetric (and HMAC), RSA 2048,
        or other asymmetric (usage: monthly_requests).
    ECC / RSA GenerateDataKeyPair requests (symmetric keys): per 10k requests, depend on usage.
Usage keys:
    monthly_requests: API requests to the key a month.
Not priced / assumptions:
    key_spec (or the deprecated customer_master_key_spec) defaults to SYMMETRIC_DEFAULT. HMAC keys
    are billed requests at the symmetric rate. Automatic rotation's extra key material costs
    (since 2024, up to two rotations) are not priced. The free tier is not deducted.
References:
    https://aws.amazon.com/kms/pricing/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, PriceQuery, Resource
from costgate.resources.aws._common import aws_query, ut
from costgate.resources.aws._kms import key_month
from costgate.resources.base import Pricer, PricingContext, UsageKey, monthly, usage_component

USAGE = (UsageKey("monthly_requests", "float", "API requests to the key a month"),)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    spec = str(r.get("key_spec") or r.get("customer_master_key_spec") or "SYMMETRIC_DEFAULT").upper()

    def requests(usagetype: str) -> PriceQuery:
        return aws_query(r, "awskms", "API Request", {"usagetype": ut(r, usagetype)}, unit="Requests")

    yield key_month(r)
    if spec == "RSA_2048":
        name, usagetype = "Requests (RSA 2048)", "KMS-Requests-Asymmetric-RSA_2048"
    elif spec.startswith(("RSA_", "ECC_", "SM2")):
        name, usagetype = "Requests (asymmetric)", "KMS-Requests-Asymmetric"
    else:
        name, usagetype = "Requests", "KMS-Requests"
    yield usage_component(name, "10k requests", ctx.usage, "monthly_requests", requests(usagetype), per=10_000)
    if spec == "SYMMETRIC_DEFAULT":
        for kind in ("ECC", "RSA"):
            yield monthly(
                f"{kind} GenerateDataKeyPair requests",
                "10k requests",
                None,
                requests(f"KMS-Requests-GenerateDatakeyPair-{kind}"),
                unit_multiplier=10_000,
            )


PRICER = Pricer(type="aws_kms_key", price=_price, usage_keys=USAGE, doc=__doc__ or "")
