"""SARIF is written by orjson where it prints what `json.dumps(indent=2)` prints (the standard
library's indented encoder is pure Python: seconds for tens of thousands of findings)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from costgate.report.sarif import dumps, dumps_bytes

DOCS: list[Any] = [
    {"a": [1, 2.5, -0.0, 0.0, 12345.68, 1e-4, 9.99e15], "b": {}, "c": [], "d": None, "e": True},
    {"text": 'quotes " and \\ backslash / slash \x00 \x1f \x7f \t\n\r\b\f', "nested": [[{"x": [{}]}]]},
    {"accents": "caf\u00e9 \u6771\u4eac \u2028 \U0001f600"},  # non-ASCII: json.dumps escapes it
    {"tiny": 1e-5, "huge": 1e16, "exp": 1.5e300},  # exponent notation differs: the stdlib writes it
    {"nan": float("nan"), "inf": float("inf")},
    [{"k": i, "v": i / 7} for i in range(50)],
    {"in a tuple": (1, (2, 1e-9)), "deep": [[[[{"x": [0.5, [float("inf")]]}]]]]},  # found at any depth
]


@pytest.mark.parametrize("doc", DOCS)
def test_dumps_is_json_dumps_indent_2(doc: Any) -> None:
    assert dumps(doc) == json.dumps(doc, indent=2)


@pytest.mark.parametrize("doc", DOCS)
def test_dumps_bytes_is_its_utf8_with_or_without_a_newline(doc: Any) -> None:
    expected = json.dumps(doc, indent=2)
    assert dumps_bytes(doc) == expected.encode() and dumps_bytes(doc, newline=True) == (expected + "\n").encode()
