"""aws_bedrock_provisioned_model_throughput: Provisioned Throughput for a Bedrock model.

Prices:
    Model units: model_units x hours a month (730), at the hourly rate of the model and the
    commitment term (commitment_duration OneMonth or SixMonths; absent = no commitment).
Usage keys:
    (none)
Not priced / assumptions:
    The model is the foundation-model id in model_arn ('.../foundation-model/<id>'); a custom
    model ARN is billed at its base model's rate, which the plan does not say: the query then
    names the custom model and will not match. A committed term is paid for the whole term
    whether used or not; costgate shows its monthly share. The Bedrock Provisioned Throughput
    products are not in any shipped price source and the attribute names are unverified: the
    component shows as not priced until a catalog refresh.
References:
    https://aws.amazon.com/bedrock/pricing/
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from costgate.model import HOURS_PER_MONTH, CostComponent, Resource
from costgate.resources.aws._common import aws_query
from costgate.resources.base import Pricer, PricingContext, UsageKey, monthly, number

USAGE: tuple[UsageKey, ...] = ()
COMMITMENTS = {"OneMonth": "1 month", "SixMonths": "6 months"}


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    arn = str(r.get("model_arn", ""))
    model = arn.split("foundation-model/", 1)[1] if "foundation-model/" in arn else arn.rsplit("/", 1)[-1]
    units = number(r, "model_units", Decimal(1)) or Decimal(1)
    commitment = COMMITMENTS.get(str(r.get("commitment_duration", "")), "No commitment")
    q = aws_query(r, "AmazonBedrock", "Provisioned Throughput", {"model": model, "commitment": commitment}, unit="Hrs")
    yield monthly(f"Model units ({model}, {commitment.lower()})", "model-unit-hours", units * HOURS_PER_MONTH, q)


PRICER = Pricer(type="aws_bedrock_provisioned_model_throughput", price=_price, usage_keys=USAGE, doc=__doc__ or "")
