"""google_compute_forwarding_rule: a regional forwarding rule (a load balancer's frontend or protocol forwarding).

Prices:
    Forwarding rule: per rule-hour at the rate of the first five rules of a project.
    Data processed: per GB of inbound data the load balancer processes (usage).
Usage keys:
    monthly_data_processed_gb: GB processed a month.
Not priced / assumptions:
    Google bills the first five rules of a project and region together at one hourly rate and
    each further rule at a lower rate; per resource costgate prices every rule at the first-five
    rate (an upper bound for large projects). Rules for Private Service Connect
    (load_balancing_scheme "" with a service attachment target) are billed as PSC endpoints and
    priced the same way.
References:
    https://cloud.google.com/vpc/network-pricing#lb
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.base import Pricer, PricingContext, UsageKey, hourly, usage_component
from costgate.resources.google._common import compute_query

USAGE = (UsageKey("monthly_data_processed_gb", "float", "GB the load balancer processes a month"),)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    rule = {"lbComponent": "forwarding-rule-minimum", "resourceGroup": "LoadBalancing"}
    yield hourly("Forwarding rule", compute_query(r, "Network", rule, "h"))
    q = compute_query(
        r, "Network", {"lbComponent": "internal-data-processing", "resourceGroup": "LoadBalancing"}, "GiBy"
    )
    yield usage_component("Data processed", "GB", ctx.usage, "monthly_data_processed_gb", q)


PRICER = Pricer(type="google_compute_forwarding_rule", price=_price, usage_keys=USAGE, doc=__doc__ or "")
