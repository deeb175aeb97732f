"""azurerm_lb: an Azure load balancer.

Prices:
    Data processed: per GB through a Standard load balancer (usage: monthly_data_processed_gb).
Usage keys:
    monthly_data_processed_gb: GB processed (inbound and outbound) a month.
Not priced / assumptions:
    Rule fees are priced on the rules (azurerm_lb_rule, azurerm_lb_outbound_rule): the first
    five of a load balancer share one hourly fee, each further rule is billed by the hour. NAT
    rules are free. Basic load balancers cost nothing. Gateway load balancers bill chains,
    which are not priced. Meters are sold region-free.
References:
    https://azure.microsoft.com/pricing/details/load-balancer/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.azure._lb import lb_meter
from costgate.resources.base import Pricer, PricingContext, UsageKey, no_charge, usage_component

USAGE = (UsageKey("monthly_data_processed_gb", "float", "GB processed (inbound and outbound) a month"),)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    if str(r.get("sku") or "Standard").lower() != "standard":
        yield no_charge(r, "Load balancer", "the Basic SKU has no charge")
    else:
        yield usage_component(
            "Data processed",
            "GB",
            ctx.usage,
            "monthly_data_processed_gb",
            lb_meter(r, "Standard Data Processed", "1 GB"),
        )


PRICER = Pricer(type="azurerm_lb", price=_price, usage_keys=USAGE, doc=__doc__ or "")
