"""aws_glue_job: an AWS Glue job (Spark ETL, streaming, Ray or Python shell).

Prices:
    Duration: DPU-hours, the job's DPUs times the hours it runs a month (usage: monthly_hours).
    DPUs: number_of_workers x the worker type's DPUs (G.025X 0.25, G.1X 1, G.2X 2, G.4X 4,
    G.8X 8, Standard 1, Z.2X 2), else max_capacity, else (unset, or computed at apply) AWS's
    default: 10 for Spark and streaming jobs, 0.0625 for Python shell.
Usage keys:
    monthly_hours: hours the job runs a month.
Not priced / assumptions:
    Flex execution (execution_class = "FLEX") has its own lower DPU-hour rate (usage type
    ETL-Flex-DPU-Hour); the shipped catalog has no price for it. Interactive sessions, data
    quality and the Data Catalog are other products.
References:
    https://aws.amazon.com/glue/pricing/
    https://docs.aws.amazon.com/glue/latest/dg/add-job.html
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from costgate.model import CostComponent, Resource
from costgate.resources.aws._common import aws_query, ut
from costgate.resources.base import Pricer, PricingContext, UsageKey, monthly, number

USAGE = (UsageKey("monthly_hours", "float", "Hours the job runs a month"),)
WORKER_DPUS = {
    "G.025X": Decimal("0.25"),
    "G.1X": Decimal(1),
    "G.2X": Decimal(2),
    "G.4X": Decimal(4),
    "G.8X": Decimal(8),
    "Standard": Decimal(1),
    "Z.2X": Decimal(2),
}
DEFAULT_DPUS = {"pythonshell": Decimal("0.0625")}
"""AWS defaults when neither workers nor max_capacity are set: 0.0625 DPU for Python shell, else 10."""


def dpus(r: Resource) -> Decimal:
    workers, wtype = number(r, "number_of_workers"), r.get("worker_type")
    if workers is not None and wtype in WORKER_DPUS:
        return workers * WORKER_DPUS[wtype]
    command = str(r.block("command").get("name") or "glueetl")
    return number(r, "max_capacity", DEFAULT_DPUS.get(command, Decimal(10))) or Decimal(0)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    size, hours = dpus(r), ctx.usage.number("monthly_hours")
    flex = str(r.get("execution_class", "STANDARD")).upper() == "FLEX"
    suffix = "ETL-Flex-DPU-Hour" if flex else "ETL-DPU-Hour"
    query = aws_query(r, "AWSGlue", "AWS Glue", {"usagetype": ut(r, suffix)}, unit="DPU-Hour")
    shown = format(size.normalize(), "f")
    quantity = None if hours is None else size * hours
    yield monthly(
        "Duration" + (" (flex)" if flex else ""), f"DPU-hours ({shown} DPUs)", quantity, query, usage_based=True
    )


PRICER = Pricer(type="aws_glue_job", price=_price, usage_keys=USAGE, doc=__doc__ or "")
