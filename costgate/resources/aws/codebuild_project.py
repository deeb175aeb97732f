"""aws_codebuild_project: a CodeBuild project.

Prices:
    Build minutes: per on-demand build minute, by environment type (Linux, Linux GPU, ARM,
    Windows) and compute type (usage: monthly_build_mins).
Usage keys:
    monthly_build_mins: build minutes a month.
Not priced / assumptions:
    environment.compute_type BUILD_GENERAL1_SMALL/MEDIUM/LARGE/XLARGE/2XLARGE map to AWS's
    g1.small ... g1.2xlarge usage types; Lambda compute (BUILD_LAMBDA_*), attribute-based and
    reserved-capacity fleets (aws_codebuild_fleet) are other products: one not-priced line says so.
    The free tier (100 general1.small minutes a month) is not subtracted.
References:
    https://aws.amazon.com/codebuild/pricing/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.aws._common import aws_query
from costgate.resources.aws._usagetype import regional_ut
from costgate.resources.base import Pricer, PricingContext, UsageKey, cannot_price, usage_component

USAGE = (UsageKey("monthly_build_mins", "int", "Build minutes a month"),)
ENVIRONMENTS = {
    "LINUX_CONTAINER": ("Linux", "Linux"),
    "LINUX_GPU_CONTAINER": ("LinuxGPU", "Linux GPU"),
    "ARM_CONTAINER": ("ARM", "ARM"),
    "WINDOWS_CONTAINER": ("Windows", "Windows"),
    "WINDOWS_SERVER_2019_CONTAINER": ("Windows", "Windows"),
    "WINDOWS_SERVER_2022_CONTAINER": ("Windows", "Windows"),
}
COMPUTE = {
    "BUILD_GENERAL1_SMALL": "small",
    "BUILD_GENERAL1_MEDIUM": "medium",
    "BUILD_GENERAL1_LARGE": "large",
    "BUILD_GENERAL1_XLARGE": "xlarge",
    "BUILD_GENERAL1_2XLARGE": "2xlarge",
}


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    env = r.block("environment")
    environment = ENVIRONMENTS.get(str(env.get("type", "")))
    size = COMPUTE.get(str(env.get("compute_type", "")))
    if environment is None or size is None:
        kind = f"{env.get('type', '')} / {env.get('compute_type', '')}"
        yield cannot_price(r, "Build compute", f"no pricer path for this environment and compute type ({kind})")
        return
    code, label = environment
    query = aws_query(
        r, "CodeBuild", "Compute", {"usagetype": regional_ut(r, f"Build-Min:{code}:g1.{size}")}, unit="Minutes"
    )
    yield usage_component(f"{label} (general1.{size})", "minutes", ctx.usage, "monthly_build_mins", query)


PRICER = Pricer(type="aws_codebuild_project", price=_price, usage_keys=USAGE, doc=__doc__ or "")
