"""`--format json`: the Estimate as the versioned document described by report/json_model.py.

The document is built as plain dicts and written with orjson: building a pydantic model per
component costs a tenth of a second on a 1,280-resource plan. The models stay the contract
(the JSON Schema is generated from them, `to_model` validates against them, and the tests
validate real output against the schema).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import orjson

from costgate.estimate import (
    Counts,
    Estimate,
    PricedComponent,
    Project,
    ResourceCost,
    Totals,
)
from costgate.gate.model import GateResult
from costgate.resources.registry import support_reason

if TYPE_CHECKING:
    from costgate.gate.unit_costs import UnitCost
    from costgate.report.json_model import EstimateOut

JSON_VERSION = "1.4"
"""The output document's version: minor for additions, major for changes that break readers."""

GATE_JSON_VERSION = "1.0"
"""The version of `check --format json` ({"version", "gate", "estimate"}), same rules."""


def _num(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def _component(c: PricedComponent) -> dict[str, Any]:
    return {
        "name": c.name,
        "unit": c.unit,
        "monthly_quantity": _num(c.monthly_quantity),
        "unit_price": _num(c.unit_price),
        "monthly_cost": _num(c.monthly_cost),
        "usage_based": c.usage_based,
        "price_source": {"product_id": c.price.product_id, "source": c.price.source, "price_date": c.price.price_date,
                         "fetched_at": c.price.fetched_at or None}
        if c.price
        else None,
        "path": c.path,
        "monthly_quantity_range": [float(v) for v in c.quantity_range] if c.quantity_range else None,
        "monthly_cost_range": [float(v) for v in c.cost_range] if c.cost_range else None,
        "unpriced_reason": c.no_price.reason if c.no_price else None,
        "free_tier_quantity": _num(c.free_tier_quantity),
    }


def _resource(r: ResourceCost, seen: dict[int, dict[str, Any]] | None = None) -> dict[str, Any]:
    """A resource's output row. `seen` shares the rows of components that are one object (the
    estimate prices equal components once: 2,000 instances of a block share theirs)."""
    res = r.resource
    if seen is None:
        seen = {}

    def component(c: PricedComponent) -> dict[str, Any]:
        row = seen.get(id(c))
        if row is None:
            row = seen[id(c)] = _component(c)
        return row

    after, before = r.monthly_cost, r.before_monthly_cost  # each a sum over components: once per resource
    return {
        "address": res.address,
        "type": res.type,
        "provider": res.provider,
        "region": res.region,
        "action": res.action.value,
        "support": r.support.value,
        "support_reason": support_reason(res.type),
        "monthly_cost": float(after),
        "before_monthly_cost": float(before),
        "delta_monthly_cost": float(after - before),
        "components": [component(c) for c in r.components],
        "before_components": [component(c) for c in r.before_components],
        "tags": dict(res.tags),
        "module": res.module,
    }


def _totals(t: Totals, fetched: int = 0) -> dict[str, Any]:
    return {
        "fetched_this_run": fetched,
        "before": float(t.before),
        "after": float(t.after),
        "delta": float(t.delta),
        "delta_percent": _num(t.delta_percent),
        "usage_based_after": float(t.usage_after),
        "after_min": _num(t.after_min),
        "after_max": _num(t.after_max),
        "complete": t.complete,
        "before_complete": t.before_complete,
        "after_complete": t.after_complete,
    }


def unsupported_of(project: Project) -> list[dict[str, Any]]:
    """Unsupported resources of a project, as output rows."""
    return [
        {"address": r.address, "type": r.resource.type, "reason": support_reason(r.resource.type)}
        for r in project.unsupported
    ]


def unpriced_of(project: Project) -> list[dict[str, Any]]:
    """Unpriced components of a project, either side of the change, as output rows."""
    out = []
    for g in project.gaps:
        c = g.component
        assert c.no_price is not None
        out.append({"address": g.address, "component": c.name, "side": g.side.value, "reason": c.no_price.reason,
                    "query": c.no_price.query.describe(), "hint": c.no_price.hint,
                    "fetch": {"status": c.no_price.fetch, "error": c.no_price.fetch_error or None} if c.no_price.fetch else None})
    return out


def fetched_this_run(resources: Iterable[ResourceCost], estimate: Estimate) -> int:
    """Components priced with prices that `--fetch-prices` fetched in this run (not earlier runs)."""
    if estimate.fetch is None:
        return 0
    scopes = estimate.fetch.fetched
    return sum(
        1 for r in resources for c in (*r.components, *r.before_components)
        if c.price is not None and c.price.fetched_at and c.query is not None
        and (c.query.provider, c.query.service, c.query.region) in scopes
    )


def _fetch(estimate: Estimate) -> dict[str, Any] | None:
    report = estimate.fetch
    if report is None:
        return None
    return {
        "mode": report.mode,
        "seconds": round(report.seconds, 3),
        "scopes": [{"provider": s.provider, "service": s.service, "region": s.region, "status": s.status,
                    "rows": s.rows, "url": s.url or None, "source": s.source or None, "fetched_at": s.fetched_at or None,
                    "reason": s.reason or None} for s in report.scopes],
    }


def _counts(counts: Counts) -> dict[str, int]:
    return {
        "resources": counts.resources,
        "priced": counts.priced,
        "free": counts.free,
        "unsupported": counts.unsupported,
        "components": counts.components,
        "unpriced_components": counts.unpriced_components,
        "unpriced_before": counts.unpriced_before,
        "unpriced_after": counts.unpriced_after,
        "usage_based_components": counts.usage_based_components,
        "unknowns": counts.unknowns,
    }


def unit_costs_of(units: Sequence[UnitCost]) -> list[dict[str, Any]]:
    """Unit costs as JSON values (numbers in USD per the metric's `per` units)."""
    return [{"name": u.name, "display": u.display, "scope": u.scope, "monthly_value": float(u.monthly_value),
             "per": float(u.per), "before": _num(u.before), "after": _num(u.after),
             "change_percent": _num(u.change_percent), "complete": u.complete} for u in units]


def to_dict(estimate: Estimate, unit_costs: Sequence[UnitCost] = ()) -> dict[str, Any]:
    """The JSON document as plain Python values (`unit_costs` from costgate.yml unit_metrics)."""
    projects = []
    all_unsupported: list[dict[str, Any]] = []
    all_unpriced: list[dict[str, Any]] = []
    seen: dict[int, dict[str, Any]] = {}  # component rows by object: the estimate lives while this runs
    for p in estimate.projects:
        unsupported, unpriced = unsupported_of(p), unpriced_of(p)
        all_unsupported += unsupported
        all_unpriced += unpriced
        projects.append({
            "name": p.name,
            "source": p.kind,
            "path": p.source,
            "resources": [_resource(r, seen) for r in p.resources],
            "unsupported": unsupported,
            "unpriced": unpriced,
            "totals": _totals(p.totals, fetched_this_run(p.resources, estimate)),
            "counts": _counts(p.counts),
            "warnings": list(p.warnings),
            "unknowns": list(p.unknowns),
        })
    counts = estimate.counts
    dates = estimate.price_dates
    return {
        "version": JSON_VERSION,
        "incomplete_message": counts.incomplete_message(),
        "currency": estimate.currency,
        "catalog": {
            "id": estimate.catalog.catalog_id,
            "price_date": estimate.catalog.price_date,
            "built_at": estimate.catalog.built_at,
            "sources": list(estimate.catalog.sources),
        },
        "price_dates": {"oldest": dates.oldest, "newest": dates.newest,
                        "ranges": [{"source": source, "price_date": text} for source, text in dates.ranges]},
        "projects": projects,
        "unsupported": all_unsupported,
        "unpriced": all_unpriced,
        "totals": _totals(estimate.totals,
                          fetched_this_run((r for p in estimate.projects for r in p.resources), estimate)),
        "counts": _counts(counts),
        "free_tier": {name: float(q) for name, q in estimate.free_tier.items()},
        "fetch": _fetch(estimate),
        "unit_costs": unit_costs_of(unit_costs),
    }


def to_model(estimate: Estimate) -> EstimateOut:
    """The document validated against the output models (for callers that want the types)."""
    from costgate.report.json_model import (
        EstimateOut,  # pydantic is only imported when asked for
    )

    return EstimateOut.model_validate(to_dict(estimate))


def render(estimate: Estimate, unit_costs: Sequence[UnitCost] = ()) -> str:
    """The JSON document, indented, ending in a newline."""
    return orjson.dumps(to_dict(estimate, unit_costs), option=orjson.OPT_INDENT_2).decode() + "\n"


def gate_to_dict(gate: GateResult) -> dict[str, Any]:
    """The gate part of `check --format json` (money as JSON numbers, unrounded)."""
    return {
        "verdict": gate.verdict.value,
        "findings": [{
            "code": f.code, "name": f.name, "title": f.title, "severity": f.severity.value, "source": f.source,
            "message": f.message, "address": f.address, "project": f.project, "owner": f.owner,
            "monthly_saving": _num(f.monthly_saving), "waived": f.waived, "waiver_reason": f.waiver_reason,
            "status": f.status or None, "file": f.file, "line": f.line,
        } for f in gate.findings],
        "budgets": [{"name": b.name, "scope": b.scope, "limit": _num(b.limit), "before": _num(b.before),
                     "after": _num(b.after), "status": b.status, "message": b.message} for b in gate.budgets],
        "teams": [{"team": t, "before": _num(b), "after": _num(a), "delta": _num(a - b)} for t, (b, a) in gate.team_costs.items()],
        "owners": dict(gate.owners),
        "expired_waivers": list(gate.expired_waivers),
        "notes": list(gate.notes),
        "incomplete_estimate": gate.incomplete,
        "unit_costs": unit_costs_of(gate.unit_costs),
    }


def render_check(estimate: Estimate, gate: GateResult) -> str:
    """`check --format json`: {"version", "gate": {...}, "estimate": <the breakdown document>}."""
    doc = {"version": GATE_JSON_VERSION, "gate": gate_to_dict(gate), "estimate": to_dict(estimate)}
    return orjson.dumps(doc, option=orjson.OPT_INDENT_2).decode() + "\n"
