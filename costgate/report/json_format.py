"""`--format json`: the Estimate as the versioned document of report/json_model.py."""

from __future__ import annotations

from collections.abc import Iterable

from costgate.estimate import Estimate, PricedComponent, Project, ResourceCost, Totals
from costgate.report.json_model import (
    CatalogOut,
    ComponentOut,
    EstimateOut,
    PriceSourceOut,
    ProjectOut,
    ResourceOut,
    TotalsOut,
    UnpricedOut,
    UnsupportedOut,
)
from costgate.resources.registry import Support


def _component(c: PricedComponent) -> ComponentOut:
    return ComponentOut(
        name=c.name,
        unit=c.unit,
        monthly_quantity=c.monthly_quantity,
        unit_price=c.unit_price,
        monthly_cost=c.monthly_cost,
        usage_based=c.usage_based,
        price_source=PriceSourceOut(product_id=c.price.product_id, source=c.price.source, price_date=c.price.price_date)
        if c.price
        else None,
        path=c.path,
        monthly_quantity_range=list(c.quantity_range) if c.quantity_range else None,
        monthly_cost_range=list(c.cost_range) if c.cost_range else None,
        unpriced_reason=c.no_price.reason if c.no_price else None,
    )


def _resource(r: ResourceCost) -> ResourceOut:
    res = r.resource
    return ResourceOut(
        address=res.address,
        type=res.type,
        provider=res.provider,
        region=res.region,
        action=res.action.value,
        support=r.support.value,  # type: ignore[arg-type]
        monthly_cost=r.monthly_cost,
        before_monthly_cost=r.before_monthly_cost,
        delta_monthly_cost=r.delta,
        components=[_component(c) for c in r.components],
        before_components=[_component(c) for c in r.before_components],
        tags=dict(res.tags),
        module=res.module,
    )


def _totals(t: Totals) -> TotalsOut:
    return TotalsOut(before=t.before, after=t.after, delta=t.delta, delta_percent=t.delta_percent,
                     usage_based_after=t.usage_after, after_min=t.after_min, after_max=t.after_max)


def unsupported_of(project: Project) -> list[UnsupportedOut]:
    """Unsupported resources of a project, as output rows."""
    return [
        UnsupportedOut(address=r.address, type=r.resource.type, reason=f"no pricer for {r.resource.type}")
        for r in project.unsupported
    ]


def unpriced_of(project: Project) -> list[UnpricedOut]:
    """Unpriced components of a project, as output rows."""
    out = []
    for r, c in project.unpriced:
        assert c.no_price is not None
        out.append(
            UnpricedOut(address=r.address, component=c.name, reason=c.no_price.reason, query=c.no_price.query.describe(), hint=c.no_price.hint)
        )
    return out


def _counts(resources: Iterable[ResourceCost], unpriced: int) -> dict[str, int]:
    rs = list(resources)
    return {
        "resources": len(rs),
        "priced": sum(1 for r in rs if r.support is Support.PRICED),
        "free": sum(1 for r in rs if r.support is Support.FREE),
        "unsupported": sum(1 for r in rs if r.support is Support.UNSUPPORTED),
        "unpriced_components": unpriced,
        "usage_based_components": sum(1 for r in rs for c in r.components if c.usage_based and c.monthly_quantity is None),
    }


def to_model(estimate: Estimate) -> EstimateOut:
    """Build the output model (also used by the gate and VCS layers for JSON artefacts)."""
    projects = []
    all_unsupported: list[UnsupportedOut] = []
    all_unpriced: list[UnpricedOut] = []
    for p in estimate.projects:
        unsupported, unpriced = unsupported_of(p), unpriced_of(p)
        all_unsupported += unsupported
        all_unpriced += unpriced
        projects.append(
            ProjectOut(
                name=p.name,
                source=p.source,
                resources=[_resource(r) for r in p.resources],
                unsupported=unsupported,
                unpriced=unpriced,
                totals=_totals(p.totals),
                counts=_counts(p.resources, len(unpriced)),
                warnings=list(p.warnings),
            )
        )
    return EstimateOut(
        currency=estimate.currency,
        catalog=CatalogOut(
            id=estimate.catalog.catalog_id,
            price_date=estimate.catalog.price_date,
            built_at=estimate.catalog.built_at,
            sources=list(estimate.catalog.sources),
        ),
        projects=projects,
        unsupported=all_unsupported,
        unpriced=all_unpriced,
        totals=_totals(estimate.totals),
        counts=_counts((r for p in estimate.projects for r in p.resources), len(all_unpriced)),
    )


def render(estimate: Estimate) -> str:
    """The JSON document, indented, ending in a newline."""
    return to_model(estimate).model_dump_json(indent=2) + "\n"
