"""CG302 classic-load-balancer: a Classic Load Balancer.

What it flags:
    `aws_elb` resources (Classic Load Balancers).
Why it costs:
    The Classic Load Balancer is a previous-generation service with a higher hourly price
    than an Application or Network Load Balancer, and one CLB per service where one ALB
    could route to many.
Example:
    resource "aws_elb" "web" { listener { lb_port = 80  lb_protocol = "http"  instance_port = 8080  instance_protocol = "http" } }
Cheaper alternative:
    An `aws_lb` (application for HTTP/HTTPS, network for TCP), shared by services through
    listener rules.
Saving estimate:
    The load-balancer-hours component re-priced at the Application Load Balancer hourly
    rate (LCU charges depend on traffic and are not included).
Parameters:
    None.
References:
    https://aws.amazon.com/elasticloadbalancing/pricing/
    https://docs.aws.amazon.com/elasticloadbalancing/latest/classic/migrate-classic-load-balancer.html
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.gate.model import Severity
from costgate.gate.rule import Hit, NoParams, Rule, RuleContext, Status, components_with, total


def check(ctx: RuleContext, params: NoParams) -> Iterator[Hit]:
    """Flag classic load balancers; re-price their hours as an ALB's."""
    for item in ctx.items("aws_elb"):
        saving = total(
            ctx.reprice(c, product_family="Load Balancer-Application")
            for c in components_with(item.cost, usagetype="*LoadBalancerUsage")
        )
        yield ctx.hit(
            item, f"{item.address} is a Classic Load Balancer; an Application Load Balancer costs less per hour", saving
        )


RULE = Rule(
    code="CG302",
    name="classic-load-balancer",
    title="Classic Load Balancer",
    severity=Severity.INFO,
    params=NoParams,
    check=check,
    status=Status.PREVIEW,
    doc=__doc__ or "",
)
