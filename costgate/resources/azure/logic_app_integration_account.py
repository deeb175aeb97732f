"""azurerm_logic_app_integration_account: a Logic Apps integration account (B2B, EDI, maps, schemas).

Prices:
    The account per month by sku_name (Basic, Standard, Premium); Free costs nothing.
Usage keys:
    None.
Not priced / assumptions:
    Premium is looked up at its own unit meter. Partners, agreements, maps and schemas
    (azurerm_logic_app_integration_account_*) are free within the tier's limits.
References:
    https://azure.microsoft.com/pricing/details/logic-apps/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import HOURS_PER_MONTH, CostComponent, Resource
from costgate.resources.azure._common import azure_query
from costgate.resources.base import Pricer, PricingContext, monthly, no_charge


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    tier = str(r.get("sku_name") or "Free").capitalize()
    if tier == "Free":
        yield no_charge(r, "Integration account", "Free tier")
        return
    q = azure_query(
        r,
        "Logic Apps",
        {
            "productName": "Logic Apps Integration Account",
            "skuName": tier,
            "meterName": f"{tier} Unit",
            "unitOfMeasure": "1/Month",
        },
        family="Integration",
        unit="1/Month",
    )
    yield monthly(f"Integration account ({tier})", "hours", HOURS_PER_MONTH, q, unit_multiplier=1 / HOURS_PER_MONTH)


PRICER = Pricer(type="azurerm_logic_app_integration_account", price=_price, doc=__doc__ or "")
