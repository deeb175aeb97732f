"""azurerm_logic_app_standard: a Logic Apps Standard app on a Workflow Standard plan.

Prices:
    The plan's vCPUs and GiB of memory held all month, per vCPU-month and GiB-month (730 x
    the hourly meters; WS1: 1 vCPU and 3.5 GiB, WS2: 2 and 7, WS3: 4 and 14, times the
    plan's workers), read from the referenced plan (app_service_plan_id: an
    azurerm_service_plan sku_name or an azurerm_app_service_plan sku size); standard and
    enterprise connector calls (usage).
Usage keys:
    monthly_standard_connector_calls, monthly_enterprise_connector_calls: connector calls a month.
Not priced / assumptions:
    A Workflow Standard plan bills once however many apps run on it: its vCPU and memory are
    priced on the first (by address) Logic App Standard of the plan, the others add their
    connector calls only (the reference estimator prices the plan on every app). A plan the
    configuration does not show (or an unknown size) leaves vCPU and memory depending on
    usage. The storage account the app needs bills as storage. Azure App Service plans (not
    WS) are priced as plans.
References:
    https://azure.microsoft.com/pricing/details/logic-apps/
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from costgate.model import HOURS_PER_MONTH, CostComponent, Resource
from costgate.resources.azure import _logic_apps
from costgate.resources.base import Pricer, PricingContext, dec, monthly

SIZES = {"WS1": (Decimal(1), Decimal("3.5")), "WS2": (Decimal(2), Decimal(7)), "WS3": (Decimal(4), Decimal(14))}
PLAN_TYPES = ("azurerm_service_plan", "azurerm_app_service_plan")


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    plan = ctx.resolve(r, "app_service_plan_id")
    size = workers = None
    if plan is not None:
        size = str(plan.get("sku_name") or plan.block("sku").get("size") or "").upper()
        workers = dec(plan.get("worker_count")) or dec(plan.block("sku").get("capacity")) or Decimal(1)
        sharing = sorted(a.address for a in ctx.referencing(plan, r.type, "app_service_plan_id"))
        if sharing and sharing[0] != r.address:
            yield from _logic_apps.connectors(r, ctx.usage)
            return
    known = SIZES.get(size or "")
    label = size if known else "unknown size"
    cpu, memory = (None, None) if known is None or workers is None else (workers * known[0], workers * known[1])
    # the plan runs all month: vCPUs and GiB held, each priced per month (730 x the hourly meter)
    yield monthly(
        f"Workflow vCPU ({label})",
        "vCPU",
        cpu,
        _logic_apps.query(r, "Standard", "Standard vCPU Duration", "1 Hour"),
        unit_multiplier=HOURS_PER_MONTH,
    )
    yield monthly(
        f"Workflow memory ({label})",
        "GiB",
        memory,
        _logic_apps.query(r, "Standard", "Standard Memory Duration", "1 GiB Hour"),
        unit_multiplier=HOURS_PER_MONTH,
    )
    yield from _logic_apps.connectors(r, ctx.usage)


PRICER = Pricer(
    type="azurerm_logic_app_standard", price=_price, usage_keys=_logic_apps.CONNECTOR_USAGE, doc=__doc__ or ""
)
