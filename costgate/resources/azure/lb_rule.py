"""azurerm_lb_rule: a load-balancing rule of an Azure load balancer.

Prices:
    Rules (first 5): the hourly fee a Standard load balancer pays for its first five load-balancing
    and outbound rules, carried by its first rule (by address).
    Rule usage: per hour for each rule after the fifth (rules sorted by address). A rule whose
    load balancer is outside the plan is priced as one more rule (the overage meter).
Usage keys:
    (none)
Not priced / assumptions:
    Rules of a Basic load balancer are free. Which rule carries which fee is a convention: the
    load balancer's total is what Azure bills.
References:
    https://azure.microsoft.com/pricing/details/load-balancer/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.azure._lb import rule_components
from costgate.resources.base import Pricer, PricingContext


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    yield from rule_components(r, ctx)


PRICER = Pricer(type="azurerm_lb_rule", price=_price, doc=__doc__ or "")
