"""google_vpc_access_connector: a Serverless VPC Access connector (VMs that carry serverless traffic).

Prices:
    Connector instances: min_instances (at least 2) Compute Engine VMs of machine_type
    (default e2-micro), per hour.
Usage keys:
    instances: instances the connector runs on average (it scales up to max_instances with traffic).
Not priced / assumptions:
    Without min_instances the connector starts with 2 instances (min_throughput 200 Mbps).
    Network egress through the connector is billed as Compute Engine egress and not priced here.
References:
    https://cloud.google.com/vpc/docs/serverless-vpc-access#pricing
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from costgate.model import CostComponent, Resource
from costgate.resources.base import Pricer, PricingContext, UsageKey, dec
from costgate.resources.google._compute import MachineSpec, machine_components

USAGE = (UsageKey("instances", "int", "Connector instances on average"),)
MIN_INSTANCES = Decimal(2)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    given = ctx.usage.number("instances")
    count = (
        given if given is not None else max(dec(r.get("min_instances"), MIN_INSTANCES) or MIN_INSTANCES, MIN_INSTANCES)
    )
    yield from machine_components(r, MachineSpec(str(r.get("machine_type") or "e2-micro")), ctx.usage, count=count)


PRICER = Pricer(type="google_vpc_access_connector", price=_price, usage_keys=USAGE, doc=__doc__ or "")
