"""`--format json`: the estimate document of costgate/estimate_document.py, written with orjson,
and `check --format json`, which wraps it with the gate's result.

The estimate has one serialiser (estimate_document.to_dict), shared with the Rego input; this
module adds only the gate's part and the writing. The document's contract is report/json_model.py
(the JSON Schema in costgate/schemas/ is generated from it).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import orjson

from costgate.estimate import Estimate
from costgate.estimate_document import JSON_VERSION, num, to_dict
from costgate.gate.model import GateResult

if TYPE_CHECKING:
    from costgate.gate.unit_costs import UnitCost
    from costgate.report.json_model import EstimateOut

__all__ = [
    "GATE_JSON_VERSION",
    "JSON_VERSION",
    "document",
    "gate_to_dict",
    "render",
    "render_check",
    "to_dict",
    "to_model",
    "unit_costs_of",
]

GATE_JSON_VERSION = "1.0"
"""The version of `check --format json` ({"version", "gate", "estimate"}): minor for additions,
major for changes that break readers (the estimate inside keeps its own `version`)."""


def to_model(estimate: Estimate) -> EstimateOut:
    """The document validated against the output models (for callers that want the types)."""
    from costgate.report.json_model import (
        EstimateOut,  # pydantic is only imported when asked for
    )

    return EstimateOut.model_validate(to_dict(estimate))


def unit_costs_of(units: Sequence[UnitCost]) -> list[dict[str, Any]]:
    """Unit costs as JSON values (numbers in USD per the metric's `per` units)."""
    return [
        {
            "name": u.name,
            "display": u.display,
            "scope": u.scope,
            "monthly_value": float(u.monthly_value),
            "per": float(u.per),
            "before": num(u.before),
            "after": num(u.after),
            "change_percent": num(u.change_percent),
            "complete": u.complete,
        }
        for u in units
    ]


def document(estimate: Estimate, unit_costs: Sequence[UnitCost] = ()) -> dict[str, Any]:
    """The estimate document with the unit costs of costgate.yml `unit_metrics` (from 1.4)."""
    return {**to_dict(estimate), "unit_costs": unit_costs_of(unit_costs)}


def render(estimate: Estimate, unit_costs: Sequence[UnitCost] = ()) -> str:
    """The JSON document, indented, ending in a newline."""
    return render_bytes(estimate, unit_costs).decode()


def render_bytes(estimate: Estimate, unit_costs: Sequence[UnitCost] = ()) -> bytes:
    """`render` as the UTF-8 bytes orjson writes."""
    return orjson.dumps(document(estimate, unit_costs), option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE)


def gate_to_dict(gate: GateResult) -> dict[str, Any]:
    """The gate part of `check --format json` (money as JSON numbers, unrounded)."""
    return {
        "verdict": gate.verdict.value,
        "findings": [
            {
                "code": f.code,
                "name": f.name,
                "title": f.title,
                "severity": f.severity.value,
                "source": f.source,
                "message": f.message,
                "address": f.address,
                "project": f.project,
                "owner": f.owner,
                "monthly_saving": num(f.monthly_saving),
                "waived": f.waived,
                "waiver_reason": f.waiver_reason,
                "status": f.status or None,
                "file": f.file,
                "line": f.line,
            }
            for f in gate.findings
        ],
        "budgets": [
            {
                "name": b.name,
                "scope": b.scope,
                "limit": num(b.limit),
                "before": num(b.before),
                "after": num(b.after),
                "status": b.status,
                "message": b.message,
            }
            for b in gate.budgets
        ],
        "teams": [
            {"team": t, "before": num(b), "after": num(a), "delta": num(a - b)} for t, (b, a) in gate.team_costs.items()
        ],
        "owners": dict(gate.owners),
        "expired_waivers": list(gate.expired_waivers),
        "notes": list(gate.notes),
        "incomplete_estimate": gate.incomplete,
        "unit_costs": unit_costs_of(gate.unit_costs),
    }


def render_check(estimate: Estimate, gate: GateResult) -> str:
    """`check --format json`: {"version", "gate": {...}, "estimate": <the breakdown document>}."""
    return render_check_bytes(estimate, gate).decode()


def render_check_bytes(estimate: Estimate, gate: GateResult) -> bytes:
    """`render_check` as the UTF-8 bytes orjson writes (what stdout gets, without a decode and a
    re-encode of an 80 MB document on a 20,000-resource plan)."""
    doc = {"version": GATE_JSON_VERSION, "gate": gate_to_dict(gate), "estimate": document(estimate, gate.unit_costs)}
    return orjson.dumps(doc, option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE)  # no copy to add it
