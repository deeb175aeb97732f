"""azurerm_container_app: an Azure Container Apps app on the Consumption plan.

Prices:
    vCPU and memory (active): per vCPU-second and GiB-second of the replicas that run (usage:
    replicas, else `template.min_replicas`), the containers' `cpu` and `memory` summed, for the
    seconds they run (usage: monthly_active_hrs, default 730 hours).
    Requests: per million requests (usage: monthly_requests).
Usage keys:
    replicas: replicas running on average.
    monthly_active_hrs: hours the replicas run a month.
    monthly_requests: HTTP requests a month.
Not priced / assumptions:
    Replicas idling between requests bill lower idle rates, which are not modelled: all running
    time is priced at the active rate (an upper bound). The monthly free grants (180,000 vCPU-s,
    360,000 GiB-s, 2 million requests per subscription) come from the meters' first tiers.
    Apps in a workload-profile environment's Dedicated profiles bill the environment's profile
    instances (azurerm_container_app_environment), not these meters. Meters: serviceName
    "Azure Container Apps", skuName "Standard", meterName "Standard vCPU Active Usage",
    "Standard Memory Active Usage", "Standard Requests".
References:
    https://azure.microsoft.com/pricing/details/container-apps/
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from costgate.model import HOURS_PER_MONTH, CostComponent, PriceQuery, Resource
from costgate.resources.azure._common import azure_query, usage_in
from costgate.resources.base import Pricer, PricingContext, UsageKey, dec, monthly

USAGE = (
    UsageKey("replicas", "float", "Replicas running on average"),
    UsageKey("monthly_active_hrs", "float", "Hours the replicas run a month", 730),
    UsageKey("monthly_requests", "int", "HTTP requests a month"),
)
SECONDS_PER_HOUR = 3600


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
    replicas = ctx.usage.number("replicas")
    replicas = replicas if replicas is not None else dec(template.get("min_replicas")) or None
    hours = ctx.usage.number("monthly_active_hrs")
    seconds = (HOURS_PER_MONTH if hours is None else hours) * SECONDS_PER_HOUR
    for name, unit, amount, meter, catalog_unit in (
        ("vCPU (active)", "vCPU-seconds", vcpus, "Standard vCPU Active Usage", "1 Second"),
        ("Memory (active)", "GiB-seconds", memory, "Standard Memory Active Usage", "1 GiB Second"),
    ):
        quantity = None if replicas is None else amount * replicas * seconds
        yield monthly(name, unit, quantity, _q(r, meter, catalog_unit), usage_based=True)
    yield usage_in(
        "Requests", "1M requests", ctx.usage, "monthly_requests", _q(r, "Standard Requests", "1M"), divisor=1_000_000
    )


PRICER = Pricer(type="azurerm_container_app", price=_price, usage_keys=USAGE, doc=__doc__ or "")
