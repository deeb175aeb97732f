"""aws_ec2_capacity_reservation: an On-Demand Capacity Reservation, EC2 capacity billed whether used or not.

Prices:
    Reserved capacity, unused: per instance-hour at the On-Demand rate of instance_type,
    instance_platform and tenancy (AWS bills reserved capacity at the equivalent On-Demand rate),
    for instance_count less the aws_instance resources of the plan that target the reservation
    (capacity_reservation_specification.capacity_reservation_target): those instances' hours
    are billed on their own instance line, which aws_instance prices, so they are not counted twice.
Usage keys:
    monthly_hrs: hours the reservation is active a month (default 730; less for a limited end_date).
Not priced / assumptions:
    Instances that use an `open` reservation without targeting it cannot be known from the plan:
    their hours are priced on the instances and the reservation's too (set instance_count or
    target the reservation to avoid it). Platforms AWS names "Windows with SQL Server" without an
    edition, and those costgate does not map, are queried as written and show as not priced.
    Savings Plans and regional Reserved Instances that apply to the reservation are not modelled.
References:
    https://aws.amazon.com/ec2/pricing/on-demand/
    https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/capacity-reservations-pricing-billing.html
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from costgate.model import HOURS_PER_MONTH, CostComponent, Resource
from costgate.resources.aws._common import aws_query
from costgate.resources.aws._ec2 import TENANCY
from costgate.resources.base import Pricer, PricingContext, UsageKey, dec, monthly

USAGE = (UsageKey("monthly_hrs", "float", "Hours the reservation is active a month", 730),)
TARGET = "capacity_reservation_specification.capacity_reservation_target.capacity_reservation_id"

# instance_platform -> (operatingSystem, preInstalledSw) of the EC2 price list
PLATFORMS = {
    "Linux/UNIX": ("Linux", "NA"),
    "Red Hat Enterprise Linux": ("RHEL", "NA"),
    "RHEL with HA": ("Red Hat Enterprise Linux with HA", "NA"),
    "SUSE Linux": ("SUSE", "NA"),
    "Ubuntu Pro": ("Ubuntu Pro", "NA"),
    "Windows": ("Windows", "NA"),
    "Windows with SQL Server Standard": ("Windows", "SQL Std"),
    "Windows with SQL Server Enterprise": ("Windows", "SQL Ent"),
    "Windows with SQL Server Web": ("Windows", "SQL Web"),
    "Linux with SQL Server Standard": ("Linux", "SQL Std"),
    "Linux with SQL Server Enterprise": ("Linux", "SQL Ent"),
    "Linux with SQL Server Web": ("Linux", "SQL Web"),
    "RHEL with SQL Server Standard": ("RHEL", "SQL Std"),
    "RHEL with SQL Server Enterprise": ("RHEL", "SQL Ent"),
    "RHEL with SQL Server Web": ("RHEL", "SQL Web"),
}


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    itype = str(r.get("instance_type") or "")
    platform = str(r.get("instance_platform") or "Linux/UNIX")
    os, software = PLATFORMS.get(platform, (platform, "NA"))
    family = "Compute Instance (bare metal)" if itype.endswith(".metal") else "Compute Instance"
    attrs = {
        "instanceType": itype,
        "operatingSystem": os,
        "tenancy": TENANCY.get(str(r.get("tenancy") or "default"), "Shared"),
        "preInstalledSw": software,
        "capacitystatus": "Used",
        "licenseModel": "No License required",
    }
    count = None if r.is_unknown("instance_count") else dec(r.get("instance_count"), Decimal(0), what="instance_count")
    targeting = len(ctx.referencing(r, "aws_instance", TARGET))
    unused = None if count is None else max(count - targeting, Decimal(0))
    given = ctx.usage.number("monthly_hrs")
    hours = HOURS_PER_MONTH if given is None else given
    query = aws_query(r, "AmazonEC2", family, attrs, unit="Hrs")
    yield monthly(
        f"Reserved capacity, unused ({platform}, {itype})", "hours", None if unused is None else unused * hours, query
    )


PRICER = Pricer(type="aws_ec2_capacity_reservation", price=_price, usage_keys=USAGE, doc=__doc__ or "")
