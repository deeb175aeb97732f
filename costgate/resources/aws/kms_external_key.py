"""aws_kms_external_key: a KMS key with imported (external) key material.

Prices:
    Customer master key: per key-month.
Usage keys:
    None.
Not priced / assumptions:
    Requests to the key are billed at the symmetric rate; they are not priced here (no usage key).
References:
    https://aws.amazon.com/kms/pricing/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.aws._kms import key_month
from costgate.resources.base import Pricer, PricingContext


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    yield key_month(r)


PRICER = Pricer(type="aws_kms_external_key", price=_price, doc=__doc__ or "")
