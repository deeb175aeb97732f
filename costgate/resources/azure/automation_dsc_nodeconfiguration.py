"""azurerm_automation_dsc_nodeconfiguration: a DSC node configuration of an Automation account.

Prices:
    DSC nodes outside Azure that apply it, per month (usage).
Usage keys:
    non_azure_config_node_count: DSC nodes outside Azure.
Not priced / assumptions:
    Nodes in Azure are free. The location is the account's (or its resource group's).
References:
    https://azure.microsoft.com/pricing/details/automation/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.azure import _automation
from costgate.resources.base import Pricer, PricingContext


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    yield _automation.config_nodes(r, ctx, ctx.usage)


PRICER = Pricer(
    type="azurerm_automation_dsc_nodeconfiguration",
    price=_price,
    usage_keys=(_automation.NODE_USAGE,),
    doc=__doc__ or "",
)
