"""Small in-memory estimates for gate tests that are about arithmetic, not about Terraform."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

from costgate.config import LoadedConfig
from costgate.estimate import CatalogInfo, Estimate, PricedComponent, Project, ResourceCost
from costgate.gate.references import parse_checked_config as parse_config
from costgate.model import Action, Address, Resource
from costgate.resources.registry import Support


def component(cost: str | None) -> tuple[PricedComponent, ...]:
    if cost is None:
        return ()
    value = Decimal(cost)
    return (
        PricedComponent(
            name="Thing",
            unit="hours",
            monthly_quantity=Decimal(730),
            unit_price=value / 730,
            monthly_cost=value,
            usage_based=False,
        ),
    )


def resource(
    address: str,
    before: str | None,
    after: str | None,
    *,
    tags: dict[str, str] | None = None,
    values: dict[str, Any] | None = None,
    module: str = "",
) -> ResourceCost:
    """A priced resource costing `before` and `after` a month (None: absent on that side)."""
    action = (
        Action.CREATE
        if before is None
        else Action.DELETE
        if after is None
        else Action.NO_OP
        if before == after
        else Action.UPDATE
    )
    rtype, name = address.split(".")[-2:]
    r = Resource(
        address=Address(address),
        type=rtype,
        name=name,
        provider="aws",
        region="us-east-1",
        action=action,
        values=values or {"tags": tags or {}},
        before={} if before is not None else None,
        tags=tags or {},
        before_tags=tags or {},
        module=module,
    )
    return ResourceCost(
        resource=r, support=Support.PRICED, components=component(after), before_components=component(before)
    )


def estimate(*resources: ResourceCost, name: str = "app", source: str = "plans/app/plan.json") -> Estimate:
    return Estimate(
        projects=(Project(name=name, source=source, resources=tuple(resources)),),
        catalog=CatalogInfo(catalog_id="test", price_date="2026-01-01", built_at="2026-01-01"),
    )


def config(text: str, tmp_path: Path) -> LoadedConfig:
    path = tmp_path / "costgate.yml"
    path.write_text(text)
    return parse_config(text, path)
