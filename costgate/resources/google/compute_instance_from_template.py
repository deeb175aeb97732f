"""google_compute_instance_from_template: a VM created from an instance template.

Prices:
    As google_compute_instance: machine (on demand, spot/preemptible or committed), disks, local
    SSDs and GPUs, taken from the template and overridden by the resource's own arguments.
Usage keys:
    monthly_hrs: hours the VM runs a month (default 730).
    committed_use_term: 1_year or 3_year, to price at committed-use rates.
    sustained_use_discount: true to apply sustained-use discounts (off by default).
Not priced / assumptions:
    A template outside the configuration leaves only the resource's own machine_type to price.
References:
    https://cloud.google.com/compute/vm-instance-pricing
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from costgate.model import HOURS_PER_MONTH, CostComponent, Resource
from costgate.resources.base import Pricer, PricingContext, UsageKey
from costgate.resources.google._common import purchase_of
from costgate.resources.google._compute import COMPUTE_USAGE, first, machine_components, template_spec

USAGE = (UsageKey("monthly_hrs", "float", "Hours the VM runs a month", 730), *COMPUTE_USAGE)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    template = ctx.resolve(r, "source_instance_template")
    values = {**(template.values if template else {}), **{k: v for k, v in r.values.items() if v not in (None, [], {})}}
    spec = template_spec(values, purchase_of(first(values, "scheduling"), ctx.usage), "")
    hours = ctx.usage.number("monthly_hrs")
    yield from machine_components(r, spec, ctx.usage, hours=HOURS_PER_MONTH if hours is None else Decimal(hours))


PRICER = Pricer(type="google_compute_instance_from_template", price=_price, usage_keys=USAGE, doc=__doc__ or "")
