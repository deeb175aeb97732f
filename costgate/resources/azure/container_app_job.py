"""azurerm_container_app_job: an Azure Container Apps job on the Consumption plan.

Prices:
    vCPU and memory (active): per vCPU-second and GiB-second while executions run: usage
    monthly_executions x execution_duration_seconds x the replicas each execution starts
    (`replica_completion_count`, else `parallelism`, on the job or its trigger block, else 1), times the containers' `cpu` and
    `memory`, summed.
Usage keys:
    monthly_executions: job executions a month.
    execution_duration_seconds: average seconds an execution runs.
Not priced / assumptions:
    The monthly free grants (180,000 vCPU-s, 360,000 GiB-s per subscription) come from the meters'
    first tiers. Jobs in Dedicated workload profiles bill the environment's instances instead.
    Meters as azurerm_container_app ("Standard vCPU Active Usage", "Standard Memory Active Usage").
References:
    https://azure.microsoft.com/pricing/details/container-apps/
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from costgate.model import CostComponent, PriceQuery, Resource
from costgate.resources.azure._common import azure_query
from costgate.resources.base import Pricer, PricingContext, UsageKey, dec, monthly

USAGE = (
    UsageKey("monthly_executions", "int", "Job executions a month"),
    UsageKey("execution_duration_seconds", "float", "Average seconds an execution runs"),
)


def _q(r: Resource, meter: str, unit: str) -> PriceQuery:
    attrs = {"productName": "Azure Container Apps", "skuName": "Standard", "meterName": meter, "type": "Consumption"}
    return azure_query(r, "Azure Container Apps", attrs, family="Containers", unit=unit)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    template = r.block("template")
    containers = template.get("container") or []
    containers = containers if isinstance(containers, list) else [containers]
    vcpus = sum((dec(c.get("cpu"), Decimal(0)) or Decimal(0) for c in containers), Decimal(0))
    memory = sum(
        (dec(str(c.get("memory") or "0").removesuffix("Gi"), Decimal(0)) or Decimal(0) for c in containers), Decimal(0)
    )
    triggers = [r.values, *(r.block(f"{kind}_trigger_config") for kind in ("manual", "schedule", "event"))]
    replicas = next(
        (n for t in triggers for key in ("replica_completion_count", "parallelism") if (n := dec(t.get(key)))),
        Decimal(1),
    )
    executions, seconds = ctx.usage.number("monthly_executions"), ctx.usage.number("execution_duration_seconds")
    running = None if executions is None or seconds is None else executions * seconds * replicas
    for name, unit, amount, meter, catalog_unit in (
        ("vCPU (active)", "vCPU-seconds", vcpus, "Standard vCPU Active Usage", "1 Second"),
        ("Memory (active)", "GiB-seconds", memory, "Standard Memory Active Usage", "1 GiB Second"),
    ):
        yield monthly(
            name, unit, None if running is None else amount * running, _q(r, meter, catalog_unit), usage_based=True
        )


PRICER = Pricer(type="azurerm_container_app_job", price=_price, usage_keys=USAGE, doc=__doc__ or "")
