"""The actuals renderers: text from the bill (tag values, service names) cannot drive a terminal
or a spreadsheet, and a month the billing API has not closed says so in every format."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime
from decimal import Decimal

import jsonschema
import pytest

from costgate.report.base import ActualsReport
from costgate.report.registry import render
from costgate.spend.model import CompareRow, Comparison, Reason, ReasonCode
from tests.helpers import REPO


def _comparison() -> Comparison:
    rows = (
        CompareRow('=HYPERLINK("x")', None, Decimal("2.5"), (Reason(ReasonCode.UNKNOWN_TAG_VALUE, "odd"),)),
        CompareRow("web\x1b]0;pwned\x07", Decimal("1.005"), None, ()),
    )
    return Comparison(
        "team",
        "2026-11",
        "aws-cost-explorer",
        "UnblendedCost",
        "team",
        "USD",
        rows,
        True,
        datetime(2026, 12, 2, 8, 30, tzinfo=UTC),
        1,
    )


def test_the_table_shows_control_characters_as_question_marks_and_an_open_month() -> None:
    text = render("actuals", "table", ActualsReport(_comparison()))
    assert "\x1b" not in text and "\x07" not in text and "web?]0;pwned?" in text
    assert "2026-11 (not final: Cost Explorer marks it estimated)" in text
    assert "imported 2026-12-02 08:30 UTC" in text
    assert "$1.01" in text and "-$1.01" in text  # the estimate row, and its gap (never billed)


def test_csv_cells_a_spreadsheet_would_run_are_quoted() -> None:
    rows = list(csv.DictReader(io.StringIO(render("actuals", "csv", ActualsReport(_comparison())))))
    assert rows[0]["key"] == '\'=HYPERLINK("x")'
    assert (rows[0]["estimate"], rows[0]["actual"], rows[0]["gap"], rows[0]["reason_codes"]) == (
        "",
        "2.5",
        "2.5",
        "unknown_tag_value",
    )


def test_json_has_null_for_a_missing_side_and_says_the_month_is_open() -> None:
    doc = json.loads(render("actuals", "json", ActualsReport(_comparison())))
    assert doc["version"] == 1 and doc["month_final"] is False
    assert [(r["estimate"], r["actual"], r["gap"]) for r in doc["rows"]] == [
        (None, "2.5", "2.5"),
        ("1.005", None, "-1.005"),
    ]
    assert doc["totals"] == {"estimate": "1.005", "actual": "2.5", "gap": "1.495"}


def test_json_follows_its_schema_and_the_schema_knows_every_reason() -> None:
    schema = json.loads((REPO / "costgate" / "schemas" / "actuals-v1.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(json.loads(render("actuals", "json", ActualsReport(_comparison()))), schema)
    assert set(schema["$defs"]["reason"]["properties"]["code"]["enum"]) == {str(code) for code in ReasonCode}
    broken = json.loads(render("actuals", "json", ActualsReport(_comparison())))
    broken["rows"][0]["gap"] = 2.5  # a float, not a decimal string
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, schema)
