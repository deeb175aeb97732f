"""What must hold for every input, however hostile (docs/security.md, "What the gate guarantees")."""

from __future__ import annotations

import json
import math
from functools import cache
from typing import Any

import jsonschema

from tests.helpers import REPO, Run

SCHEMA = REPO / "costgate" / "schemas" / "estimate-v1.schema.json"
SIGNED = ("delta", "change")
"""Keys whose numbers may be negative (a change that saves money); every other amount is >= 0."""


@cache
def _validator() -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(json.loads(SCHEMA.read_text()))


def _numbers(node: Any, key: str = "") -> list[tuple[str, float]]:
    out: list[tuple[str, float]] = []
    stack: list[tuple[str, Any]] = [(key, node)]
    while stack:
        k, n = stack.pop()
        if isinstance(n, bool) or n is None:
            continue
        if isinstance(n, (int, float)):
            out.append((k, float(n)))
        elif isinstance(n, dict):
            stack.extend((str(kk), v) for kk, v in n.items())
        elif isinstance(n, list):
            stack.extend((k, v) for v in n)
    return out


def assert_outcome(run: Run, *, json_output: bool) -> dict[str, Any] | None:
    """Exit 0, 1 or 2; no internal error; a one-line error on exit 2; with JSON output, a
    document valid against estimate-v1 whose every amount is finite and (but changes) >= 0."""
    assert run.code in (0, 1, 2), (run.code, run.err)
    assert "internal error" not in run.err and "Traceback" not in run.err, run.err
    if run.code == 2:
        errors = [line for line in run.err.splitlines() if line.startswith("costgate: error: ")]
        assert len(errors) == 1 and run.out == "", run.err
        return None
    if not json_output:
        return None
    doc = json.loads(run.out)
    estimate = doc.get("estimate", doc)
    problems = sorted(_validator().iter_errors(estimate), key=lambda e: list(e.path))
    assert not problems, f"{list(problems[0].path)}: {problems[0].message}"
    for key, value in _numbers(doc):
        assert math.isfinite(value), (key, value)
        if not key.startswith(SIGNED) and key not in ("saving",):
            assert value >= 0 or key.endswith(("_percent",)), (key, value)
    return doc
