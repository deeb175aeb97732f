"""EC2 Fleet and Spot Fleet: capacity split into on-demand and spot instances of one spec.

Both fleets ask for a target capacity in units and launch instances from a launch template
(whose overrides may change the instance type and say how many units one instance counts for)
or, for a Spot Fleet, from launch specifications. costgate prices the override (or
specification) AWS would try first: the one with the lowest `priority` when priorities are
given, else the first as the plan lists it; an allocation strategy that picks by live price or
capacity cannot be known before launch, and picking the cheapest catalog match would understate
the fleet. Instances are ceil(units / weighted_capacity).
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import replace
from decimal import Decimal
from typing import Any

from costgate.model import HOURS_PER_MONTH, CostComponent, Resource
from costgate.resources.aws._common import aws_query
from costgate.resources.aws._ec2 import UNKNOWN_TYPE_LINE, InstanceSpec, instance_components
from costgate.resources.base import Usage, dec, monthly

CHOSEN_AT_LAUNCH = "the instance type is chosen by AWS at launch (instance_requirements or an unknown type)"


def first_choice(options: Sequence[Mapping[str, Any]]) -> Mapping[str, Any]:
    """The option with the lowest priority when every option has one, else the first ({} if none)."""
    if not options:
        return {}
    priorities = [dec(o.get("priority")) for o in options]
    if all(p is not None for p in priorities):
        return min(zip(priorities, range(len(options)), options, strict=True), key=lambda x: (x[0], x[1]))[2]
    return options[0]


def instances(units: Decimal | None, weight: Any) -> Decimal | None:
    """Instances that fill `units` of capacity when one instance counts `weight` units (default 1)."""
    if units is None:
        return None
    w = dec(weight, Decimal(1)) or Decimal(1)
    return Decimal(math.ceil(units / w))


def fleet_components(
    r: Resource, spec: InstanceSpec, usage: Usage, on_demand: Decimal | None, spot: Decimal | None
) -> Iterator[CostComponent]:
    """On-demand then spot instances of `spec`; a count of None prices with unknown quantities.

    Without an instance type (attribute-based selection, a type known only after apply) the
    instance hours are one not-priced line per purchase option, never left out; disks and the
    other per-instance parts are still priced.
    """

    def own(c: CostComponent) -> bool:  # a type chosen at launch: the lines below say so per option
        return spec.instance_type is not None or not (c.gap and c.name == UNKNOWN_TYPE_LINE)

    if on_demand is None or on_demand > 0:
        yield from filter(own, instance_components(r, replace(spec, spot=False), usage, count=on_demand))
    if spot is None or spot > 0:
        yield from filter(own, instance_components(r, replace(spec, spot=True), usage, count=spot))
    if spec.instance_type is None:
        for option, count in (("on_demand", on_demand), ("spot", spot)):
            if count is None or count > 0:
                query = aws_query(r, "AmazonEC2", "Compute Instance", {}, unit="Hrs", purchase_option=option)
                hours = None if count is None else HOURS_PER_MONTH * count
                label = option.replace("_", "-")
                line = monthly(f"Instance usage ({label}, type chosen at launch)", "hours", hours, query)
                yield replace(line, path=spec.source, invalid=CHOSEN_AT_LAUNCH)
