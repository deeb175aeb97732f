"""azurerm_container_app_environment: an Azure Container Apps environment.

Prices:
    Dedicated plan management: per hour, once an environment has a Dedicated workload profile.
    Dedicated vCPU and memory: per vCPU-hour and GiB-hour of each Dedicated profile's
    `workload_profile.minimum_count` instances, by profile type (D4-D32 general purpose: 4 GiB
    per vCPU; E4-E32 memory optimised: 8 GiB per vCPU).
Usage keys:
    (none)
Not priced / assumptions:
    Instances scaled out above `minimum_count` depend on load and are not priced; a profile
    without `minimum_count` leaves the vCPU and memory depending on usage.
    A Consumption-only environment costs nothing itself: its apps are priced on
    azurerm_container_app. GPU profiles (NC*) are not priced. Meters: serviceName "Azure Container
    Apps", skuName "Dedicated", meterName "Dedicated Plan Management", "Dedicated vCPU Usage",
    "Dedicated Memory Usage" (spelling not confirmed here: a miss shows as not priced).
References:
    https://azure.microsoft.com/pricing/details/container-apps/
    https://learn.microsoft.com/azure/container-apps/workload-profiles-overview
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from costgate.model import HOURS_PER_MONTH, CostComponent, PriceQuery, Resource
from costgate.resources.azure._common import azure_query
from costgate.resources.base import Pricer, PricingContext, dec, hourly, monthly, no_charge

GIB_PER_VCPU = {"D": Decimal(4), "E": Decimal(8)}
_PROFILE = re.compile(r"^([DE])(\d+)$")


def _q(r: Resource, meter: str, unit: str) -> PriceQuery:
    attrs = {"productName": "Azure Container Apps", "skuName": "Dedicated", "meterName": meter, "type": "Consumption"}
    return azure_query(r, "Azure Container Apps", attrs, family="Containers", unit=unit)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    dedicated = [p for p in r.blocks("workload_profile") if str(p.get("workload_profile_type")) != "Consumption"]
    if not dedicated:
        yield no_charge(r, "Environment", "Consumption profile only: usage is billed on its container apps")
        return
    yield hourly("Dedicated plan management", _q(r, "Dedicated Plan Management", "1 Hour"))
    vcpus, memory, known = Decimal(0), Decimal(0), True
    for profile in dedicated:
        m = _PROFILE.match(str(profile.get("workload_profile_type") or ""))
        if m is None:
            continue
        count = dec(profile.get("minimum_count"))
        if count is None:
            known = False
            continue
        vcpus += int(m.group(2)) * count
        memory += int(m.group(2)) * count * GIB_PER_VCPU[m.group(1)]
    yield monthly(
        "Dedicated vCPU",
        "vCPU-hours",
        vcpus * HOURS_PER_MONTH if known else None,
        _q(r, "Dedicated vCPU Usage", "1 Hour"),
    )
    yield monthly(
        "Dedicated memory",
        "GiB-hours",
        memory * HOURS_PER_MONTH if known else None,
        _q(r, "Dedicated Memory Usage", "1 GiB Hour"),
    )


PRICER = Pricer(type="azurerm_container_app_environment", price=_price, doc=__doc__ or "")
