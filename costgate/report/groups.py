"""Monthly cost grouped by cloud service or by region, before and after the change.

The HTML report's charts read these; every group's sums add up to the estimate's totals, because
each priced component is counted in exactly one group (a test holds it). Components with no cost
(not priced, or depending on usage nobody gave) add nothing here: the report lists them apart.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal

from costgate.estimate import Estimate, PricedComponent, ResourceCost

ZERO = Decimal(0)
NO_REGION = "no region"
"""The group of resources that name no region (global services, a region left to the provider)."""
NO_SERVICE = "no service"
"""The group of components whose price query names no service."""


@dataclass(frozen=True, slots=True)
class GroupCost:
    """One group's monthly cost before and after the change."""

    key: str
    before: Decimal
    after: Decimal

    @property
    def delta(self) -> Decimal:
        """After minus before."""
        return self.after - self.before


def _sorted(sums: dict[str, tuple[Decimal, Decimal]]) -> list[GroupCost]:
    """Largest after-cost first, then largest before-cost, then by name (a stable order)."""
    rows = [GroupCost(k, b, a) for k, (b, a) in sums.items()]
    return sorted(rows, key=lambda g: (-g.after, -g.before, g.key))


def _add(sums: dict[str, tuple[Decimal, Decimal]], key: str, before: Decimal, after: Decimal) -> None:
    b, a = sums.get(key, (ZERO, ZERO))
    sums[key] = (b + before, a + after)


def _cost(components: Iterable[PricedComponent], key_of: Callable[[PricedComponent], str]) -> dict[str, Decimal]:
    out: dict[str, Decimal] = {}
    for c in components:
        if c.monthly_cost is not None:
            key = key_of(c)
            out[key] = out.get(key, ZERO) + c.monthly_cost
    return out


def _service(component: PricedComponent) -> str:
    return component.query.service if component.query is not None and component.query.service else NO_SERVICE


def by_service(estimate: Estimate) -> list[GroupCost]:
    """Monthly cost per cloud service (the price query's service code: AmazonEC2, Virtual Machines, …)."""
    sums: dict[str, tuple[Decimal, Decimal]] = {}
    for rc in _resources(estimate):
        after = _cost(rc.components, _service)
        before = _cost(rc.before_components, _service)
        for key in after.keys() | before.keys():
            _add(sums, key, before.get(key, ZERO), after.get(key, ZERO))
    return _sorted(sums)


def by_region(estimate: Estimate) -> list[GroupCost]:
    """Monthly cost per region of the resource (NO_REGION when it names none)."""
    sums: dict[str, tuple[Decimal, Decimal]] = {}
    for rc in _resources(estimate):
        if rc.components or rc.before_components:
            _add(sums, rc.resource.region or NO_REGION, rc.before_monthly_cost, rc.monthly_cost)
    return _sorted(sums)


def by_team(team_costs: dict[str, tuple[Decimal, Decimal]]) -> list[GroupCost]:
    """The gate's showback (team -> (before, after)) in the same shape and order as the others."""
    return _sorted(dict(team_costs))


def _resources(estimate: Estimate) -> Iterable[ResourceCost]:
    return (rc for p in estimate.projects for rc in p.resources)
