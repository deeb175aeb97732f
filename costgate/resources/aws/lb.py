"""aws_lb: an Application, Network or Gateway Load Balancer (ELBv2).

Prices:
    Load balancer hours: per hour it exists (730 h a month), by type (application, network, gateway).
    Load balancer capacity units (LCU): per LCU-hour; shown per LCU-month (730 LCU-hours).
Usage keys:
    new_connections: new connections a month.
    active_connections: active (concurrent) connections, averaged per minute.
    processed_bytes_gb: GB processed a month.
    rule_evaluations: rule evaluations a month (application load balancers only).
Not priced / assumptions:
    LCU-hours a month are taken as the largest dimension, each over a month: 1 LCU-hour per GB
    processed; per LCU-hour an ALB handles 25 new connections a second (90,000 an hour) and 1,000
    rule evaluations a second (3.6M an hour), an NLB/GWLB 800 new flows a second (2.88M an hour);
    an ALB LCU holds 3,000 active connections, an NLB/GWLB LCU 100,000. With no usage the LCU
    component depends on usage. load_balancer_type defaults to "application" (the provider's default).
    Gateway load balancers are priced from the catalog where it has them (not in the us-east-1 snapshot).
References:
    https://aws.amazon.com/elasticloadbalancing/pricing/
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from costgate.model import HOURS_PER_MONTH, CostComponent, Resource
from costgate.resources.aws._common import aws_query, ut
from costgate.resources.base import Pricer, PricingContext, UsageKey, hourly, monthly

USAGE = (
    UsageKey("new_connections", "int", "New connections a month"),
    UsageKey("active_connections", "int", "Active connections, averaged per minute"),
    UsageKey("processed_bytes_gb", "float", "GB processed a month"),
    UsageKey("rule_evaluations", "int", "Rule evaluations a month (application load balancers)"),
)

# type -> (family, component name, LCU-hour capacity: new connections, active connections, rule evaluations)
_TYPES: dict[str, tuple[str, str, Decimal, Decimal, Decimal | None]] = {
    "application": (
        "Load Balancer-Application",
        "Application load balancer",
        Decimal(90_000),
        Decimal(3_000),
        Decimal(3_600_000),
    ),
    "network": ("Load Balancer-Network", "Network load balancer", Decimal(2_880_000), Decimal(100_000), None),
    "gateway": ("Load Balancer-Gateway", "Gateway load balancer", Decimal(2_880_000), Decimal(100_000), None),
}


def _lcu_hours(ctx: PricingContext, new_cap: Decimal, active_cap: Decimal, rule_cap: Decimal | None) -> Decimal | None:
    u = ctx.usage
    dims = [
        (u.number("new_connections"), new_cap),
        (u.number("active_connections"), active_cap / HOURS_PER_MONTH),
        (u.number("processed_bytes_gb"), Decimal(1)),
        (u.number("rule_evaluations") if rule_cap else None, rule_cap or Decimal(1)),
    ]
    given = [value / cap for value, cap in dims if value is not None]
    return max(given) if given else None


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    kind = str(r.get("load_balancer_type", "application")).lower()
    family, name, new_cap, active_cap, rule_cap = _TYPES.get(kind, _TYPES["application"])
    attrs = {"group": "ELB:Balancing"}
    yield hourly(name, aws_query(r, "AWSELB", family, {**attrs, "usagetype": ut(r, "LoadBalancerUsage")}, unit="Hrs"))
    lcu_hours = _lcu_hours(ctx, new_cap, active_cap, rule_cap)
    yield monthly(
        "Load balancer capacity units",
        "LCU",
        None if lcu_hours is None else lcu_hours / HOURS_PER_MONTH,
        aws_query(r, "AWSELB", family, {**attrs, "usagetype": ut(r, "LCUUsage")}, unit="LCU-Hrs"),
        usage_based=True,
        unit_multiplier=HOURS_PER_MONTH,
    )


PRICER = Pricer(type="aws_lb", price=_price, usage_keys=USAGE, doc=__doc__ or "")
