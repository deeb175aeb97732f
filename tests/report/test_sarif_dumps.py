"""SARIF is written by orjson where it prints what `json.dumps(indent=2)` prints (the standard
library's indented encoder is pure Python: seconds for tens of thousands of findings)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from costgate.report.sarif import dumps

DOCS: list[Any] = [
    {"a": [1, 2.5, -0.0, 0.0, 12345.68, 1e-4, 9.99e15], "b": {}, "c": [], "d": None, "e": True},
    {"text": 'quotes " and \\ backslash / slash \x00 \x1f \x7f \t\n\r\b\f', "nested": [[{"x": [{}]}]]},
    {"accents": "caf\u00e9 \u6771\u4eac \u2028 \U0001f600"},  # non-ASCII: json.dumps escapes it
    {"tiny": 1e-5, "huge": 1e16, "exp": 1.5e300},  # exponent notation differs: the stdlib writes it
    {"nan": float("nan"), "inf": float("inf")},
    [{"k": i, "v": i / 7} for i in range(50)],
]


@pytest.mark.parametrize("doc", DOCS)
def test_dumps_is_json_dumps_indent_2(doc: Any) -> None:
    assert dumps(doc) == json.dumps(doc, indent=2)
