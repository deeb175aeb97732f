"""aws_dms_replication_instance: a Database Migration Service replication instance.

Prices:
    Instance: per hour, single-AZ or Multi-AZ (AWS bills a Multi-AZ instance as a pair).
    Storage (general purpose SSD, gp2): allocated storage beyond the free allowance, per GB-month.
Usage keys:
    (none)
Not priced / assumptions:
    Each instance includes 50 GB of gp2 storage (t2/t3 classes) or 100 GB (all other classes)
    at no charge; allocated_storage defaults to 50 GB, AWS's default. DMS Serverless and data
    transfer are not priced.
References:
    https://aws.amazon.com/dms/pricing/
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from costgate.model import CostComponent, Resource
from costgate.resources.aws._common import aws_query, ut
from costgate.resources.base import Pricer, PricingContext, hourly, monthly, number

DEFAULT_STORAGE = Decimal(50)
FREE_STORAGE_BURSTABLE = Decimal(50)
FREE_STORAGE_OTHER = Decimal(100)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    cls = str(r.get("replication_instance_class", "dms.t3.medium"))
    instance = cls.removeprefix("dms.")
    multi_az = bool(r.get("multi_az", False))
    usagetype = f"{'Multi-AZUsg' if multi_az else 'InstanceUsg'}:dms.{instance}"
    yield hourly(
        f"Instance ({instance})",
        aws_query(r, "AWSDatabaseMigrationSvc", "Replication Server", {"usagetype": ut(r, usagetype)}, unit="Hrs"),
    )
    free = FREE_STORAGE_BURSTABLE if instance.startswith(("t2.", "t3.")) else FREE_STORAGE_OTHER
    billable = (number(r, "allocated_storage", DEFAULT_STORAGE) or DEFAULT_STORAGE) - free
    if billable > 0:
        attrs = {"storageMedia": "SSD", "availabilityZone": "Multiple" if multi_az else "Single"}
        yield monthly(
            "Storage (general purpose SSD, gp2)",
            "GB",
            billable,
            aws_query(r, "AWSDatabaseMigrationSvc", "Storage", attrs, unit="GB-Mo"),
        )


PRICER = Pricer(type="aws_dms_replication_instance", price=_price, usage_keys=(), doc=__doc__ or "")
