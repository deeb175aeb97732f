"""Microsoft Defender for SQL switched on for one server or managed instance.

A security alert policy with state Enabled on an Azure SQL logical server or managed instance
turns on Microsoft Defender for SQL for it (Advanced Threat Protection and vulnerability
assessment), billed per protected server or instance a month: Retail Prices serviceName
"Microsoft Defender for Cloud", productName "Microsoft Defender for SQL", skuName "Standard",
meterName "Standard Node", unitOfMeasure "1/Month" (a meter Azure lists region-free, "Global").
When the subscription's Defender for SQL plan (azurerm_security_center_subscription_pricing,
resource_type SqlServers, tier Standard) is in the same configuration, it covers every server
and the per-server setting adds nothing.
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.azure._common import azure_query
from costgate.resources.base import PricingContext, monthly, no_charge, text


def subscription_plan_covers_sql(ctx: PricingContext) -> bool:
    """Whether the configuration enables the subscription-wide Defender for SQL plan."""
    return any(
        r.type == "azurerm_security_center_subscription_pricing"
        and (text(r, "resource_type") or "").lower() == "sqlservers"
        and (text(r, "tier") or "").lower() == "standard"
        for r in ctx.resources.values()
    )


def defender_for_sql(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    """One month of Defender for SQL for the server the enabled policy protects."""
    if (text(r, "state") or "").lower() != "enabled":
        yield no_charge(r, "Microsoft Defender for SQL", "the policy is not enabled")
        return
    if subscription_plan_covers_sql(ctx):
        reason = "covered by the subscription's Defender for SQL plan in this configuration"
        yield no_charge(r, "Microsoft Defender for SQL", reason)
        return
    attrs = {
        "productName": "Microsoft Defender for SQL",
        "skuName": "Standard",
        "meterName": "Standard Node",
        "type": "Consumption",
        "unitOfMeasure": "1/Month",
    }
    query = azure_query(r, "Microsoft Defender for Cloud", attrs, family="Security", unit="1/Month", region="global")
    yield monthly("Microsoft Defender for SQL", "servers", 1, query)
