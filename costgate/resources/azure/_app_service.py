"""App Service plan pricing shared by azurerm_service_plan and the legacy azurerm_app_service_plan.

A dedicated plan bills its workers by the hour: Retail Prices productName "Azure App Service
<tier> Plan" (" - Linux" for Linux workers of every tier but the original Premium and Shared
tiers), skuName the size as Azure spells it ("P1 v3", "B1", "I1 v2", "PC2"). An Elastic Premium
plan (EP1-EP3, Azure Functions Premium) bills vCPU and memory of each always-ready instance,
once however many function apps run on it: the cost is shown on the first of those apps (by
address) that the configuration holds, where the reference estimator shows it too (it prices
it on every app of the plan, which counts a shared plan once per app), and on the plan itself
when no app in the configuration runs on it (as Logic App Standard does with its plan).
Consumption (Y1), Flex Consumption (FC1) and Free (F1) plans bill nothing by the hour:
executions are priced on the function apps.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from costgate.model import HOURS_PER_MONTH, CostComponent, Resource
from costgate.resources.azure._common import address_order, azure_query, consumption
from costgate.resources.base import PricingContext, UsageKey, dec, hourly, monthly, no_charge

ELASTIC_PREMIUM = {"EP1": (1, Decimal("3.5")), "EP2": (2, Decimal(7)), "EP3": (4, Decimal(14))}
"""Elastic Premium sizes: (vCPUs, GB of memory) per instance."""
NO_HOURLY = ("Y1", "FC1", "F1", "FREE")
"""Plans without an hourly charge of their own."""

PLAN_USAGE = (UsageKey("instances", "int", "Workers (instances) the plan runs; default: its configured count"),)
FUNCTION_APPS = (
    ("azurerm_linux_function_app", "service_plan_id"),
    ("azurerm_windows_function_app", "service_plan_id"),
    ("azurerm_function_app", "app_service_plan_id"),
)
"""Function app types and the attribute that names their plan."""

_VERSIONED = re.compile(r"^(P|I)(\d+)(M?)(V\d)?$")
_TIERS = {"B": "Basic", "S": "Standard", "P": "Premium", "I": "Isolated"}


def product_and_sku(size: str, *, linux: bool) -> tuple[str, str] | None:
    """(productName, skuName) of a dedicated plan size, or None for a size without one."""
    size = size.upper()
    if size.startswith("PC"):
        return "Azure App Service Premium Windows Container Plan", size
    if size in ("D1", "SHARED"):
        return "Azure App Service Shared Plan", "Shared"
    if size[:1] in ("B", "S") and size[1:].isdigit():
        tier, sku = _TIERS[size[0]], size
    elif (m := _VERSIONED.match(size)) is not None:
        letter, number, memory, version = m.groups()
        version = (version or "V1").lower()
        tier = _TIERS[letter] + ("" if version == "v1" else f" {version}")
        sku = f"{letter}{number}{memory.lower()}" + ("" if version == "v1" else f" {version}")
    else:
        return None
    suffix = " - Linux" if linux and tier != "Premium" else ""
    return f"Azure App Service {tier} Plan{suffix}", sku


def legacy_consumption(plan: Resource) -> bool:
    """Whether a legacy azurerm_app_service_plan is a Consumption plan whatever its size: kind
    `FunctionApp` is the provider's kind for one ("elastic" for Premium), unless its tier says
    ElasticPremium (the reference estimator reads it the same way)."""
    if plan.type != "azurerm_app_service_plan":
        return False
    tier = str(plan.block("sku").get("tier") or "").lower()
    return str(plan.get("kind") or "").lower() == "functionapp" and tier != "elasticpremium"


def plan_size(plan: Resource) -> str:
    """A plan's size in capitals: `sku_name` (azurerm_service_plan) or `sku.size` (legacy)."""
    return str(plan.get("sku_name") or plan.block("sku").get("size") or "").upper()


def plan_workers(plan: Resource) -> Decimal:
    """A plan's configured workers: `worker_count` or the legacy `sku.capacity`, else 1."""
    return dec(plan.get("worker_count")) or dec(plan.block("sku").get("capacity")) or Decimal(1)


def elastic_carrier(plan: Resource, ctx: PricingContext) -> str | None:
    """The address of the function app that shows an Elastic Premium plan's cost: the first (by
    address) of the configuration's function apps that run on it and stay after the change (an
    app being deleted hands the cost on, so that it is not lost); None when none does."""
    apps = [
        app.address
        for rtype, attribute in FUNCTION_APPS
        for app in ctx.referencing(plan, rtype, attribute)
        if app.action.exists_after
    ]
    return min(apps, key=address_order) if apps else None


def elastic_components(plan: Resource, size: str, instances: Decimal) -> Iterator[CostComponent]:
    """vCPU and memory of `instances` Elastic Premium instances of `size` (EP1-EP3), all month."""
    vcpus, memory = ELASTIC_PREMIUM[size]
    for name, meter, unit, per, catalog_unit in (
        ("vCPU", "Premium vCPU Duration", "vCPU", vcpus, "1 Hour"),
        ("Memory", "Premium Memory Duration", "GB", memory, "1 GiB Hour"),
    ):
        attrs = {"productName": "Premium Functions", "skuName": "Premium", "meterName": meter, "type": "Consumption"}
        query = azure_query(plan, "Functions", attrs, family="Compute", unit=catalog_unit)
        yield monthly(f"{name} ({size})", unit, instances * per, query, unit_multiplier=HOURS_PER_MONTH)


def plan_components(
    r: Resource, size: str | None, *, linux: bool, workers: Decimal, ctx: PricingContext
) -> Iterator[CostComponent]:
    """Hourly workers of a plan of `size` (or Elastic Premium vCPU and memory, unless a function
    app of the configuration shows them)."""
    if not size:
        return  # unknown size: a gap the estimate reports, never a guess
    if size.upper() in NO_HOURLY:
        yield no_charge(r, "Plan", f"{size}: no hourly charge (Free, or Consumption: billed per execution on its apps)")
        return
    if size.upper().startswith("WS"):
        yield no_charge(r, "Plan", f"{size}: Workflow Standard vCPU and memory are billed on its Logic App (Standard)")
        return
    count = ctx.usage.number("instances")
    count = workers if count is None else count
    label = size.upper()
    if label in ELASTIC_PREMIUM:
        carrier = elastic_carrier(r, ctx)
        if carrier is None:
            yield from elastic_components(r, label, count)
        else:
            yield no_charge(r, "Plan", f"Elastic Premium vCPU and memory are shown on the function app {carrier}")
        return
    # a size this module does not know is still looked up (and reported unpriced), never dropped
    product, sku = product_and_sku(size, linux=linux) or ("", size)
    attrs = {"productName": product, "skuName": sku} if product else {"skuName": sku}
    query = azure_query(r, "Azure App Service", consumption(attrs, "1 Hour"), family="Compute", unit="1 Hour")
    yield hourly(f"Instance usage ({size})", query, count=count)


def ip_ssl_binding(binding: Resource, located: Resource | None) -> Iterator[CostComponent]:
    """A custom hostname binding of an app or a slot: an IP SSL certificate a month when the
    binding is IP-based (`ssl_state = "IpBasedEnabled"`), in the region of `located` (the app),
    else the binding's own; SNI bindings and bindings without SSL are a "no charge" line."""
    if not str(binding.get("ssl_state") or "").upper().startswith("IP"):
        yield no_charge(
            binding, "Hostname binding", "no IP-based SSL: custom hostnames and SNI SSL bindings have no charge"
        )
        return
    attrs = {"skuName": "IP SSL", "type": "Consumption"}
    query = azure_query(located or binding, "Azure App Service", attrs, family="Compute", unit="1/Month")
    yield monthly("IP SSL certificate", "months", 1, query)
