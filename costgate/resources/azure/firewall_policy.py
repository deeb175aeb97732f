"""azurerm_firewall_policy: an Azure Firewall policy (Azure Firewall Manager).

Prices:
    Policy: per policy per region a month, when two or more firewalls use it (Azure Firewall
    Manager bills a policy associated with a single firewall nothing). The firewalls are the
    azurerm_firewall resources whose `firewall_policy_id` references this policy (each
    `count`/`for_each` instance counts), and child policies (`base_policy_id`) count as
    associations of their parent too; one month per distinct firewall location.
Usage keys:
    (none)
Not priced / assumptions:
    A policy the plan associates with zero or one firewall is a "no charge" line (it is free);
    associations made outside this configuration (a firewall in another state referencing the
    policy by id) are not seen. Rules, rule collection groups and IP groups are free.
    The query (serviceName "Azure Firewall Manager", meterName "Azure Firewall Policy", no
    serviceFamily) could not be checked against a catalog here: this machine's catalog has no
    Firewall Manager rows, so the component shows as not priced until `catalog refresh`.
References:
    https://azure.microsoft.com/pricing/details/firewall-manager/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.azure._common import azure_query, consumption, location_of
from costgate.resources.base import Pricer, PricingContext, monthly, no_charge


def _firewalls(r: Resource, ctx: PricingContext) -> list[Resource]:
    found = list(ctx.referencing(r, "azurerm_firewall", "firewall_policy_id"))
    for child in ctx.referencing(r, "azurerm_firewall_policy", "base_policy_id"):
        found += _firewalls(child, ctx)
    return found


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    firewalls = _firewalls(r, ctx)
    if len(firewalls) < 2:
        used = "no firewall" if not firewalls else "one firewall"
        yield no_charge(r, "Policy", f"used by {used} in this configuration: a policy is billed from two firewalls")
        return
    regions = sorted({location_of(f) for f in firewalls})
    attrs = consumption({"meterName": "Azure Firewall Policy"}, "1/Month")
    q = azure_query(r, "Azure Firewall Manager", attrs, unit="1/Month")
    yield monthly(f"Policy ({len(regions)} region{'s' if len(regions) > 1 else ''})", "months", len(regions), q)


PRICER = Pricer(type="azurerm_firewall_policy", price=_price, doc=__doc__ or "")
