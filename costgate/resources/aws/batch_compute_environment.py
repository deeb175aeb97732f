"""aws_batch_compute_environment: an AWS Batch compute environment.

Prices:
    EC2 / SPOT environments: the instances that carry its vCPUs, as for aws_instance: desired
    vCPUs (else min_vcpus, AWS's starting point) / the instance type's vCPUs, with a quantity
    range from min_vcpus to max_vcpus; SPOT environments at the spot price.
    FARGATE / FARGATE_SPOT environments: jobs' vCPU-hours and GB-hours (usage: monthly_vcpu_hrs,
    monthly_gb_hrs); the environment itself costs nothing.
Usage keys:
    monthly_vcpu_hrs: vCPU-hours a month of jobs on a Fargate environment.
    monthly_gb_hrs: GB-hours a month of jobs on a Fargate environment.
Not priced / assumptions:
    What can be known: an EC2 environment's vCPU bounds and instance types. What cannot: which
    types AWS picks when several (or "optimal", or a family such as "c5") are allowed, and how
    long jobs keep the vCPUs above min_vcpus busy. With one concrete instance type costgate
    prices desired (or min) vCPUs / the type's vCPUs instances (rounded up) for the month and
    shows the min..max range; otherwise the instances depend on usage (never guessed). An
    environment with min_vcpus 0 and no desired vCPUs costs nothing while idle: its instances
    show quantity 0 with the range up to max_vcpus. Unmanaged environments yield a no-charge line (their
    instances are priced where they are declared). EBS volumes of launch templates are not priced.
References:
    https://aws.amazon.com/batch/pricing/
    https://docs.aws.amazon.com/batch/latest/userguide/compute_environment_parameters.html
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import ROUND_CEILING, Decimal

from costgate.model import HOURS_PER_MONTH, CostComponent, Resource
from costgate.resources.aws import _fargate
from costgate.resources.aws._ec2 import InstanceSpec, instance_components
from costgate.resources.aws._instance_vcpus import vcpus
from costgate.resources.base import Pricer, PricingContext, Usage, UsageKey, monthly, no_charge, number

USAGE = (
    UsageKey("monthly_vcpu_hrs", "float", "vCPU-hours a month of jobs on a Fargate environment"),
    UsageKey("monthly_gb_hrs", "float", "GB-hours a month of jobs on a Fargate environment"),
)


def _instances(v: Decimal | None, per: Decimal) -> Decimal | None:
    return None if v is None else (v / per).to_integral_value(rounding=ROUND_CEILING)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    if str(r.get("type", "MANAGED")).upper() != "MANAGED":
        yield no_charge(
            r,
            "Compute environment",
            "unmanaged: the instances you launch for it are billed as those instances; AWS Batch adds no charge",
        )
        return
    cr = r.block("compute_resources")
    kind = str(cr.get("type", "EC2")).upper()
    if kind.startswith("FARGATE"):
        prefix = "Fargate-" if kind == "FARGATE" else "SpotUsage-Fargate-"
        u = ctx.usage
        for name, unit, key, suffix in (
            ("Per vCPU per hour", "vCPU-hours", "monthly_vcpu_hrs", "vCPU-Hours:perCPU"),
            ("Per GB per hour", "GB-hours", "monthly_gb_hrs", "GB-Hours"),
        ):
            yield monthly(name, unit, u.number(key), _fargate.query(r, prefix + suffix), usage_based=True)
        return
    types = sorted(str(t) for t in cr.get("instance_type") or [])
    itype = types[0] if len(types) == 1 and "." in types[0] else None
    spec = InstanceSpec(
        instance_type=itype or ",".join(types) or "optimal",
        spot=kind == "SPOT",
        source=f"{r.address}/compute_resources",
    )
    per = vcpus(itype)
    if itype is None or per is None:
        yield from instance_components(r, spec, Usage(), count=None)  # AWS picks the type at launch
        return
    low, high = number(cr, "min_vcpus", Decimal(0)), number(cr, "max_vcpus")
    desired = None if r.is_unknown("compute_resources.0.desired_vcpus") else number(cr, "desired_vcpus")
    count = _instances(desired if desired is not None else low, per)
    span = (
        None
        if high is None or low is None
        else (_instances(low, per) or Decimal(0), _instances(high, per) or Decimal(0))
    )
    yield from instance_components(r, spec, Usage(), count=count, hours=HOURS_PER_MONTH, count_range=span)


PRICER = Pricer(type="aws_batch_compute_environment", price=_price, usage_keys=USAGE, doc=__doc__ or "")
