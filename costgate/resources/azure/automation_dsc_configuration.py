"""azurerm_automation_dsc_configuration: a DSC configuration of an Automation account.

Prices:
    DSC nodes outside Azure that apply it, per month (usage).
Usage keys:
    non_azure_config_node_count: DSC nodes outside Azure.
Not priced / assumptions:
    Nodes in Azure are free. Give each node once: on its configuration, node configuration or account.
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
    type="azurerm_automation_dsc_configuration", price=_price, usage_keys=(_automation.NODE_USAGE,), doc=__doc__ or ""
)
