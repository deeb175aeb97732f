"""The Estimate as plain JSON values: the one serialiser of the estimate.

`--format json` (report/json_format.py) writes this document, `check --format json` wraps it
with the gate's result, and the Rego input document (gate/rego.py) takes its resource rows and
totals from it, so an estimate has one JSON shape and one way of writing money (a JSON number,
unrounded) wherever a program reads it. It sits in the estimate layer, below the gate and
report/, so both can use it.

The document is built as plain dicts: building a pydantic model per component costs a tenth of
a second on a 1,280-resource plan. The models in report/json_model.py stay the contract (the
JSON Schema is generated from them and the tests validate real output against it).
"""

from __future__ import annotations

import weakref
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from costgate.estimate import (
    Counts,
    Estimate,
    PricedComponent,
    Project,
    ResourceCost,
    Totals,
)
from costgate.resources.registry import support_reason

JSON_VERSION = "1.5"
"""The output document's version: minor for additions, major for changes that break readers."""


def currency_rate(estimate: Estimate) -> dict[str, Any]:
    """The `currency_rate` block: the currency of every amount, the rate from the catalog's USD, its
    date and source (rate "1" and no date when nothing was converted). The rate is a string: every
    digit of the exact Decimal the amounts were multiplied by (docs/currency.md)."""
    x = estimate.exchange
    if x is None:
        return {
            "code": estimate.currency,
            "base": estimate.currency,
            "rate": "1",
            "rate_date": None,
            "source": "the catalog's own prices (not converted)",
        }
    return {
        "code": x.code,
        "base": x.base,
        "rate": str(x.rate),
        "rate_date": x.rate_date.isoformat() if x.rate_date else None,
        "source": x.source,
    }


def num(value: Decimal | None) -> float | None:
    """Money or a quantity as a JSON number (unrounded), None as null."""
    return None if value is None else float(value)


def _component(c: PricedComponent) -> dict[str, Any]:
    return {
        "name": c.name,
        "unit": c.unit,
        "monthly_quantity": num(c.monthly_quantity),
        "unit_price": num(c.unit_price),
        "monthly_cost": num(c.monthly_cost),
        "usage_based": c.usage_based,
        "price_source": {
            "product_id": c.price.product_id,
            "source": c.price.source,
            "price_date": c.price.price_date,
            "fetched_at": c.price.fetched_at or None,
        }
        if c.price
        else None,
        "path": c.path,
        "monthly_quantity_range": [float(v) for v in c.quantity_range] if c.quantity_range else None,
        "monthly_cost_range": [float(v) for v in c.cost_range] if c.cost_range else None,
        "unpriced_reason": c.no_price.reason if c.no_price else None,
        "free_tier_quantity": num(c.free_tier_quantity),
        "no_charge_reason": c.no_charge or None,
    }


def resource_row(
    r: ResourceCost, seen: dict[int, dict[str, Any]] | None = None, *, components: bool = True
) -> dict[str, Any]:
    """A resource's row in the document. `seen` shares the rows of components that are one object (the
    estimate prices equal components once: 2,000 instances of a block share theirs). Without
    `components` the two component lists are left out (a policy input that never reads them)."""
    res = r.resource
    if seen is None:
        seen = {}

    def component(c: PricedComponent) -> dict[str, Any]:
        row = seen.get(id(c))
        if row is None:
            row = seen[id(c)] = _component(c)
        return row

    after, before = r.monthly_cost, r.before_monthly_cost  # each a sum over components: once per resource
    row = {
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
        "components": [component(c) for c in r.components] if components else [],
        "before_components": [component(c) for c in r.before_components] if components else [],
        "tags": dict(res.tags),
        "module": res.module,
    }
    if not components:
        del row["components"], row["before_components"]
    return row


def totals_row(t: Totals, fetched: int = 0) -> dict[str, Any]:
    """Totals of a project or of the estimate."""
    return {
        "fetched_this_run": fetched,
        "before": float(t.before),
        "after": float(t.after),
        "delta": float(t.delta),
        "delta_percent": num(t.delta_percent),
        "usage_based_after": float(t.usage_after),
        "after_min": num(t.after_min),
        "after_max": num(t.after_max),
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
        out.append(
            {
                "address": g.address,
                "component": c.name,
                "side": g.side.value,
                "reason": c.no_price.reason,
                "query": c.no_price.query.describe(),
                "hint": c.no_price.hint,
                "fetch": {"status": c.no_price.fetch, "error": c.no_price.fetch_error or None}
                if c.no_price.fetch
                else None,
            }
        )
    return out


def fetched_this_run(resources: Iterable[ResourceCost], estimate: Estimate) -> int:
    """Components priced with prices that `--fetch-prices` fetched in this run (not earlier runs)."""
    if estimate.fetch is None:
        return 0
    scopes = estimate.fetch.fetched
    return sum(
        1
        for r in resources
        for c in (*r.components, *r.before_components)
        if c.price is not None
        and c.price.fetched_at
        and c.query is not None
        and (c.query.provider, c.query.service, c.query.region) in scopes
    )


def _fetch(estimate: Estimate) -> dict[str, Any] | None:
    report = estimate.fetch
    if report is None:
        return None
    return {
        "mode": report.mode,
        "seconds": round(report.seconds, 3),
        "scopes": [
            {
                "provider": s.provider,
                "service": s.service,
                "region": s.region,
                "status": s.status,
                "rows": s.rows,
                "url": s.url or None,
                "source": s.source or None,
                "fetched_at": s.fetched_at or None,
                "reason": s.reason or None,
            }
            for s in report.scopes
        ],
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


def to_dict(estimate: Estimate) -> dict[str, Any]:
    """The JSON document as plain Python values; callers read it and never change it in place.

    The last estimate's document is kept (by a weak reference): `check` serialises one estimate
    twice, for the Rego input and for the output, and on a 20,000-resource plan each costs 0.3 s."""
    held = _last[0]
    if held is not None and held[0]() is estimate:
        return held[1]
    doc = _to_dict(estimate)
    _last[0] = (weakref.ref(estimate), doc)
    return doc


_last: list[tuple[weakref.ref[Estimate], dict[str, Any]] | None] = [None]


def _to_dict(estimate: Estimate) -> dict[str, Any]:
    projects = []
    all_unsupported: list[dict[str, Any]] = []
    all_unpriced: list[dict[str, Any]] = []
    seen: dict[int, dict[str, Any]] = {}  # component rows by object: the estimate lives while this runs
    for p in estimate.projects:
        unsupported, unpriced = unsupported_of(p), unpriced_of(p)
        all_unsupported += unsupported
        all_unpriced += unpriced
        projects.append(
            {
                "name": p.name,
                "source": p.kind,
                "path": p.source,
                "resources": [resource_row(r, seen) for r in p.resources],
                "unsupported": unsupported,
                "unpriced": unpriced,
                "totals": totals_row(p.totals, fetched_this_run(p.resources, estimate)),
                "counts": _counts(p.counts),
                "warnings": list(p.warnings),
                "unknowns": list(p.unknowns),
            }
        )
    counts = estimate.counts
    dates = estimate.price_dates
    return {
        "version": JSON_VERSION,
        "incomplete_message": counts.incomplete_message(),
        "currency": estimate.currency,
        "currency_rate": currency_rate(estimate),
        "catalog": {
            "id": estimate.catalog.catalog_id,
            "price_date": estimate.catalog.price_date,
            "built_at": estimate.catalog.built_at,
            "sources": list(estimate.catalog.sources),
        },
        "price_dates": {
            "oldest": dates.oldest,
            "newest": dates.newest,
            "ranges": [{"source": source, "price_date": text} for source, text in dates.ranges],
        },
        "projects": projects,
        "unsupported": all_unsupported,
        "unpriced": all_unpriced,
        "totals": totals_row(
            estimate.totals, fetched_this_run((r for p in estimate.projects for r in p.resources), estimate)
        ),
        "counts": _counts(counts),
        "free_tier": {name: float(q) for name, q in estimate.free_tier.items()},
        "fetch": _fetch(estimate),
    }
