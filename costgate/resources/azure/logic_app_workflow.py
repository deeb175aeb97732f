"""azurerm_logic_app_workflow: a Logic Apps (Consumption) workflow.

Prices:
    Per execution (usage): built-in actions and triggers, standard connector calls and
    enterprise connector calls.
Usage keys:
    monthly_action_executions: built-in action and trigger executions a month.
    monthly_standard_connector_calls, monthly_enterprise_connector_calls: connector calls a month.
Not priced / assumptions:
    Azure's free 4,000 built-in actions a month are not subtracted. Data retention (run
    history) and integration accounts (azurerm_logic_app_integration_account) bill
    separately; actions and triggers declared as their own resources are free configuration.
    A workflow in an integration service environment bills on the environment.
References:
    https://azure.microsoft.com/pricing/details/logic-apps/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.azure import _logic_apps
from costgate.resources.base import Pricer, PricingContext, UsageKey, usage_component

USAGE = (
    UsageKey("monthly_action_executions", "float", "Built-in action and trigger executions a month"),
    *_logic_apps.CONNECTOR_USAGE,
)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    yield usage_component(
        "Actions",
        "executions",
        ctx.usage,
        "monthly_action_executions",
        _logic_apps.query(r, "Consumption", "Consumption Actions", "1"),
    )
    yield from _logic_apps.connectors(r, ctx.usage)


PRICER = Pricer(type="azurerm_logic_app_workflow", price=_price, usage_keys=USAGE, doc=__doc__ or "")
