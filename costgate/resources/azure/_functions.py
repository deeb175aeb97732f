"""Azure Functions consumption pricing shared by the three function app types.

On a Consumption plan a function app bills execution time (GB-seconds: memory rounded up to
128 MB, at least 100 ms per execution) and executions. Azure's monthly free grant (400,000 GB-s
and 1 million executions, the zero-priced first tier of each Retail Prices meter) is per
subscription, shared by every Consumption app in it: a plan shows only some of them, so the
grant cannot be given to any one app, and every execution is priced at the paid rate (the
reference estimator does the same). On any other plan the plan bills by the hour
(azurerm_service_plan / azurerm_app_service_plan) and the app adds nothing.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from decimal import Decimal

from costgate.model import CostComponent, Resource
from costgate.resources.azure._app_service import (
    ELASTIC_PREMIUM,
    elastic_carrier,
    elastic_components,
    legacy_consumption,
    plan_size,
    plan_workers,
)
from costgate.resources.azure._common import azure_query, consumption
from costgate.resources.base import PricingContext, UsageKey, monthly, no_charge

FUNCTION_USAGE = (
    UsageKey("monthly_executions", "int", "Function executions a month (Consumption plan)"),
    UsageKey("execution_duration_ms", "float", "Average execution time in milliseconds (Consumption plan)"),
    UsageKey("memory_mb", "float", "Average memory used per execution in MB (Consumption plan)"),
    UsageKey(
        "instances",
        "int",
        "Elastic Premium instances of the app's plan, read on the app that shows the plan's cost "
        "(default: the plan's own usage, else its worker count)",
    ),
)
CONSUMPTION_SIZES = ("Y1", "DYNAMIC")
EXECUTIONS_PER_CATALOG_UNIT = Decimal(10)
"""Azure prices executions per 10 ("Standard Total Executions", unitOfMeasure "10")."""


def on_consumption(plan: Resource | None) -> bool:
    """Whether the app runs on a Consumption plan (assumed when its plan is outside the plan file)."""
    if plan is None or legacy_consumption(plan):
        return True
    size = plan.get("sku_name") or plan.block("sku").get("size") or plan.block("sku").get("tier")
    return str(size or "").upper() in CONSUMPTION_SIZES


def function_components(r: Resource, ctx: PricingContext, plan_attribute: str) -> Iterator[CostComponent]:
    """A function app's lines: executions on a Consumption plan; its Elastic Premium plan's vCPU
    and memory when it is the app that shows them (see _app_service); nothing on other plans."""
    plan = ctx.resolve(r, plan_attribute)
    if plan is None or on_consumption(plan):
        yield from consumption_components(r, ctx)
        return
    size = plan_size(plan)
    if size in ELASTIC_PREMIUM and elastic_carrier(plan, ctx) == r.address:
        instances = ctx.usage.number("instances")
        instances = ctx.usage_of(plan).number("instances") if instances is None else instances
        yield from elastic_components(plan, size, plan_workers(plan) if instances is None else instances)
    elif size in ELASTIC_PREMIUM:
        yield no_charge(r, "Function app", f"its Elastic Premium plan is billed once, on {elastic_carrier(plan, ctx)}")
    elif size:
        yield no_charge(r, "Function app", f"runs on a dedicated plan ({size}): billed on that plan's instances")


def consumption_components(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    """Execution time and executions from usage."""
    executions = ctx.usage.number("monthly_executions")
    duration, memory = ctx.usage.number("execution_duration_ms"), ctx.usage.number("memory_mb")
    gb_seconds = None
    if executions is not None and duration is not None and memory is not None:
        billed_mb = Decimal(max(1, math.ceil(memory / 128)) * 128)
        gb_seconds = executions * max(duration, Decimal(100)) / 1000 * billed_mb / 1024
    attrs = consumption(
        {"productName": "Functions", "skuName": "Standard", "meterName": "Standard Execution Time"}, "1 GB Second"
    )
    yield monthly(
        "Execution time",
        "GB-seconds",
        gb_seconds,
        azure_query(r, "Functions", attrs, family="Compute"),
        usage_based=True,
        tiered=False,
    )
    attrs = consumption(
        {"productName": "Functions", "skuName": "Standard", "meterName": "Standard Total Executions"}, "10"
    )
    yield monthly(
        "Executions",
        "1M executions",
        None if executions is None else executions / 1_000_000,
        azure_query(r, "Functions", attrs, family="Compute"),
        usage_based=True,
        unit_multiplier=Decimal(1_000_000) / EXECUTIONS_PER_CATALOG_UNIT,
        tiered=False,
    )
