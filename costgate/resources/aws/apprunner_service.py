"""aws_apprunner_service: an App Runner service.

Prices:
    Provisioned memory: the memory of the instances App Runner keeps provisioned (the auto
    scaling configuration's min_size, 1 by default) for every hour of the month, per GB-hour.
    Active vCPU: vCPU-hours while instances process requests (usage: monthly_active_instance_hrs
    x the instance's vCPUs); active instances' memory is the provisioned memory above.
    Automatic deployments: a flat fee per service a month when auto_deployments_enabled.
    Build: per build minute for services built from a code repository (usage: monthly_build_mins).
Usage keys:
    monthly_active_instance_hrs: instance-hours a month instances spend processing requests.
    monthly_build_mins: build minutes a month (services built from source code).
Not priced / assumptions:
    instance_configuration defaults to 1 vCPU and 2 GB, as the provider does; cpu and memory
    accept "1024"/"1 vCPU" and "2048"/"2 GB". The auto scaling configuration comes from
    auto_scaling_configuration_arn when it points at an
    aws_apprunner_auto_scaling_configuration_version in the plan, else AWS's default (min 1).
    Memory of active instances above min_size is not added. The App Runner usage type names are
    not in any shipped price source and are unverified: every component shows as not priced
    until a catalog refresh.
References:
    https://aws.amazon.com/apprunner/pricing/
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from costgate.model import HOURS_PER_MONTH, CostComponent, Resource
from costgate.resources.aws import _fargate
from costgate.resources.aws._common import aws_query
from costgate.resources.aws._usagetype import regional_ut
from costgate.resources.base import Pricer, PricingContext, UsageKey, monthly, number, usage_component

USAGE = (
    UsageKey("monthly_active_instance_hrs", "float", "Instance-hours a month instances spend processing requests"),
    UsageKey("monthly_build_mins", "float", "Build minutes a month (services built from source code)"),
)
SERVICE = "AWSAppRunner"


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    inst = r.block("instance_configuration")
    vcpu = _fargate.vcpus(inst.get("cpu") or "1024") or Decimal(1)
    gb = _fargate.memory_gb(inst.get("memory") or "2048") or Decimal(2)
    scaling = ctx.resolve(r, "auto_scaling_configuration_arn")
    minimum = (number(scaling, "min_size", Decimal(1)) if scaling else Decimal(1)) or Decimal(1)
    mem = aws_query(
        r, SERVICE, "Compute", {"usagetype": regional_ut(r, "AppRunner-Provisioned-GB-Hours")}, unit="GB-Hours"
    )
    yield monthly(
        f"Provisioned memory ({minimum.normalize()} x {gb.normalize()} GB)",
        "GB-hours",
        gb * minimum * HOURS_PER_MONTH,
        mem,
    )
    active = ctx.usage.number("monthly_active_instance_hrs")
    cpu = aws_query(
        r, SERVICE, "Compute", {"usagetype": regional_ut(r, "AppRunner-Active-vCPU-Hours")}, unit="vCPU-Hours"
    )
    yield monthly(
        f"Active vCPU ({vcpu.normalize()} vCPU)",
        "vCPU-hours",
        None if active is None else active * vcpu,
        cpu,
        usage_based=True,
    )
    source = r.block("source_configuration")
    if source.get("auto_deployments_enabled", True) is not False:
        deploy = aws_query(
            r,
            SERVICE,
            "Automatic Deployment",
            {"usagetype": regional_ut(r, "AppRunner-AutomaticDeployment")},
            unit="Apps",
        )
        yield monthly("Automatic deployments", "months", 1, deploy)
    if source.get("code_repository"):
        build = aws_query(r, SERVICE, "Build", {"usagetype": regional_ut(r, "AppRunner-Build-Minutes")}, unit="Minutes")
        yield usage_component("Build", "minutes", ctx.usage, "monthly_build_mins", build)


PRICER = Pricer(type="aws_apprunner_service", price=_price, usage_keys=USAGE, doc=__doc__ or "")
