"""CG301 nat-gateway-per-az-non-production: several NAT gateways in a non-production project.

What it flags:
    Non-production projects that run more than `max_gateways` `aws_nat_gateway` resources
    (typically one per availability zone). The extra gateways are flagged.
Why it costs:
    Each NAT gateway bills every hour it exists, plus data processing. One per AZ buys
    resilience to an AZ outage that development and staging do not need.
Example:
    module "vpc" { enable_nat_gateway = true  one_nat_gateway_per_az = true }   # in staging
Cheaper alternative:
    `single_nat_gateway = true` (one shared gateway) outside production, or NAT instances /
    VPC endpoints for the traffic that needs them.
Saving estimate:
    The hourly cost of each gateway beyond `max_gateways`, as priced from the catalog.
Parameters:
    max_gateways (int, default 1): NAT gateways allowed per non-production project.
References:
    https://aws.amazon.com/vpc/pricing/
    https://docs.aws.amazon.com/vpc/latest/userguide/vpc-nat-gateway.html
"""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import BaseModel, ConfigDict, Field

from costgate.gate.model import Severity
from costgate.gate.rule import Hit, Item, Rule, RuleContext, Status, components_with, total


class Params(BaseModel):
    """Parameters of CG301."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    max_gateways: int = Field(1, ge=0)


def check(ctx: RuleContext, params: Params) -> Iterator[Hit]:
    """Count non-production gateways per project; flag the changed ones beyond the allowance."""
    by_project: dict[str, list[Item]] = {}
    for item in ctx.all_after("aws_nat_gateway"):
        if not ctx.is_production(item):
            by_project.setdefault(item.project.name, []).append(item)
    in_scope = {(i.project.name, i.address) for i in ctx.items("aws_nat_gateway")}
    for name, items in by_project.items():
        if len(items) <= params.max_gateways:
            continue
        # keep unchanged gateways first: the change is what adds the extra ones
        ordered = sorted(items, key=lambda i: (i.project.name, i.address) in in_scope)
        # the position comes from enumerate: list.index compared whole items, once per
        # gateway (quadratic: 4 s for 2,000 gateways in one project)
        for position, item in enumerate(ordered[params.max_gateways :], start=params.max_gateways + 1):
            if (item.project.name, item.address) not in in_scope:
                continue
            saving = total(c.monthly_cost for c in components_with(item.cost, usagetype="*NatGateway-Hours"))
            yield ctx.hit(
                item,
                f"{item.address} is NAT gateway {position} of {len(items)} in "
                f"non-production project {name}; one shared gateway is enough there",
                saving,
            )


RULE = Rule(
    code="CG301",
    name="nat-gateway-per-az-non-production",
    title="NAT gateway per AZ outside production",
    severity=Severity.WARN,
    params=Params,
    check=check,
    status=Status.STABLE,
    doc=__doc__ or "",
)
