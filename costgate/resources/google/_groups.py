"""Managed instance groups: instances of an instance template, priced as VMs times the group size."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from costgate.model import CostComponent, Resource
from costgate.resources.base import PricingContext, UsageKey, dec
from costgate.resources.google._common import purchase_of
from costgate.resources.google._compute import COMPUTE_USAGE, first, machine_components, template_spec

GROUP_USAGE = (
    UsageKey("instances", "int", "Instances the group runs on average (overrides target_size)"),
    *COMPUTE_USAGE,
)


def group_components(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    """The VMs of a (zonal or regional) managed instance group: target_size (or usage
    `instances`) times its first version's instance template; None when neither is known
    (an autoscaled group). A template outside the configuration cannot be priced."""
    given = ctx.usage.number("instances")
    count = given if given is not None else dec(r.get("target_size"))
    template = ctx.resolve(r, "version.instance_template") or ctx.resolve(r, "instance_template")
    if template is None:
        return
    purchase = purchase_of(first(template.values, "scheduling"), ctx.usage)
    spec = template_spec(template.values, purchase, "")
    yield from machine_components(r, spec, ctx.usage, count=count if count is None else Decimal(count))
