"""Azure Load Balancer meters, shared by load balancers and their rules.

Azure sells Load Balancer meters region-free ("Global"). A Standard load balancer with rules
bills a fee for its first five load-balancing and outbound rules together, then each further
rule by the hour; data processed per GB. Basic load balancers are free (retired 2025).
The fee is attributed to the rules: the first rule (by address) of a load balancer carries the
included-rules fee, rules two to five nothing, each rule after the fifth the overage meter.
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, PriceQuery, Resource
from costgate.resources.azure._common import address_order, consumption, global_query
from costgate.resources.base import PricingContext, hourly, no_charge

INCLUDED_RULES = 5
RULE_TYPES = ("azurerm_lb_rule", "azurerm_lb_outbound_rule")


def lb_meter(r: Resource, meter: str, unit: str) -> PriceQuery:
    """A Standard Load Balancer meter."""
    attrs = consumption({"productName": "Load Balancer", "skuName": "Standard", "meterName": meter}, unit)
    return global_query(r, "Load Balancer", attrs, unit=unit)


def is_standard(lb: Resource | None) -> bool:
    """Standard (the provider's default SKU) bills rules and data; Basic does not."""
    return lb is None or str(lb.get("sku") or "Standard").lower() == "standard"


def rule_components(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    """This rule's share of its load balancer's rule fees."""
    lb = ctx.resolve(r, "loadbalancer_id")
    if not is_standard(lb):
        yield no_charge(r, "Rule", "on a Basic load balancer: rules have no charge")
        return
    if lb is None:  # load balancer outside the plan: the marginal rule's price
        yield hourly("Rule usage", lb_meter(r, "Standard Overage LB Rules and Outbound Rules", "1/Hour"))
        return
    rules = sorted(
        {x.address for t in RULE_TYPES for x in ctx.referencing(lb, t, "loadbalancer_id")} | {r.address},
        key=address_order,
    )
    position = rules.index(r.address)
    if position == 0:
        yield hourly("Rules (first 5)", lb_meter(r, "Standard Included LB Rules and Outbound Rules", "1 Hour"))
    elif position >= INCLUDED_RULES:
        yield hourly("Rule usage", lb_meter(r, "Standard Overage LB Rules and Outbound Rules", "1/Hour"))
    else:
        yield no_charge(
            r, "Rule", f"one of the first {INCLUDED_RULES} rules, billed on the load balancer's first rule line"
        )
