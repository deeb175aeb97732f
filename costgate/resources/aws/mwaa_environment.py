"""aws_mwaa_environment: an Amazon Managed Workflows for Apache Airflow environment.

Prices:
    Environment: per hour (730 h a month) by environment_class (mw1.small, the default, is Small;
    mw1.medium Medium; mw1.large Large; ...). The environment includes one worker and two
    schedulers.
    Additional workers: per worker-hour (usage: additional_workers, the average number of extra
    workers running; without it, min_workers - 1 when min_workers is above 1).
    Additional schedulers: per scheduler-hour (usage: additional_schedulers; without it,
    schedulers - 2 when schedulers is above 2).
    Meta database: per GB-month (usage: meta_database_gb).
Usage keys:
    additional_workers: average number of workers running beyond the first.
    additional_schedulers: number of schedulers beyond the two included.
    meta_database_gb: GB stored in the Airflow meta database.
Not priced / assumptions:
    Only the Small, Medium and Large sizes are in the shipped catalog (mw1.micro, mw1.xlarge and
    mw1.2xlarge are queried by their size and show as not priced). Data transfer and the S3 bucket,
    CloudWatch logs and VPC endpoints it uses are priced on their own resources.
References:
    https://aws.amazon.com/managed-workflows-for-apache-airflow/pricing/
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from costgate.model import HOURS_PER_MONTH, CostComponent, Resource
from costgate.resources.aws._common import aws_query
from costgate.resources.aws._usagetype import regional_ut
from costgate.resources.base import Pricer, PricingContext, UsageKey, monthly, number, usage_component

SIZES = {
    "micro": "Micro",
    "small": "Small",
    "medium": "Medium",
    "large": "Large",
    "xlarge": "XLarge",
    "2xlarge": "2XLarge",
}
USAGE = (
    UsageKey("additional_workers", "float", "Average number of workers running beyond the first"),
    UsageKey("additional_schedulers", "float", "Number of schedulers beyond the two included"),
    UsageKey("meta_database_gb", "float", "GB stored in the Airflow meta database"),
)


def _extra(r: Resource, ctx: PricingContext, key: str, attr: str, included: int) -> Decimal | None:
    given = ctx.usage.number(key)
    if given is not None:
        return given * HOURS_PER_MONTH
    configured = number(r, attr)
    return (configured - included) * HOURS_PER_MONTH if configured is not None and configured > included else None


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    cls = str(r.get("environment_class", "mw1.small"))
    tail = cls.split(".", 1)[-1].lower()
    size = SIZES.get(tail, tail)
    for kind, quantity in (
        ("Environment", HOURS_PER_MONTH),
        ("Worker", _extra(r, ctx, "additional_workers", "min_workers", 1)),
        ("Scheduler", _extra(r, ctx, "additional_schedulers", "schedulers", 2)),
    ):
        query = aws_query(r, "AmazonMWAA", None, {"type": kind, "size": size}, unit="Hrs")
        name = kind if kind == "Environment" else f"Additional {kind.lower()}s"
        yield monthly(
            f"{name} ({size})",
            "hours",
            quantity,
            query,
            usage_based=kind != "Environment" and ctx.usage.number(f"additional_{kind.lower()}s") is not None,
        )
    yield usage_component(
        "Meta database",
        "GB",
        ctx.usage,
        "meta_database_gb",
        aws_query(
            r, "AmazonMWAA", None, {"usagetype": regional_ut(r, "Airflow-StandardDatabaseStorage")}, unit="GB-Mo"
        ),
    )


PRICER = Pricer(type="aws_mwaa_environment", price=_price, usage_keys=USAGE, doc=__doc__ or "")
