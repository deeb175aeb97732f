"""aws_sagemaker_notebook_instance: a SageMaker notebook instance.

Prices:
    Notebook instance: per hour it runs, by ML instance type (730 h a month unless usage says).
    Storage: its ML storage volume (volume_size, 5 GB by default), per GB-month.
Usage keys:
    monthly_hrs: hours the notebook runs a month (default 730).
Not priced / assumptions:
    SageMaker's Price List names notebook instances '<type>-Notebook'. The shipped catalog has
    no SageMaker price: both components show as not priced until a catalog refresh.
References:
    https://aws.amazon.com/sagemaker/pricing/
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from costgate.model import CostComponent, Resource
from costgate.resources.aws._common import aws_query, ut
from costgate.resources.base import Pricer, PricingContext, UsageKey, hourly, monthly, number

USAGE = (UsageKey("monthly_hrs", "float", "Hours the notebook runs a month (default 730)"),)
DEFAULT_VOLUME_GB = Decimal(5)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    itype = str(r.get("instance_type", ""))
    instance = aws_query(r, "AmazonSageMaker", "ML Instance", {"instanceType": f"{itype}-Notebook"}, unit="Hrs")
    hours = ctx.usage.number("monthly_hrs")
    yield hourly(f"Notebook instance ({itype})", instance, hours=hours, usage_based=hours is not None)
    storage = aws_query(
        r, "AmazonSageMaker", "ML Storage", {"usagetype": ut(r, "Notebk:VolumeUsage.gp2")}, unit="GB-Mo"
    )
    yield monthly("Storage (general purpose SSD)", "GB", number(r, "volume_size", DEFAULT_VOLUME_GB), storage)


PRICER = Pricer(type="aws_sagemaker_notebook_instance", price=_price, usage_keys=USAGE, doc=__doc__ or "")
