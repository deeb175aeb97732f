"""The CLI contract: exit codes, one-line errors naming the file, no tracebacks, formats."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import jsonschema
import pytest

from costgate.report.registry import all_formats, format_names
from tests.helpers import EXAMPLE_PLAN, FIXTURES, REPO, need_shared, run_cli

REAL_PLAN = EXAMPLE_PLAN.read_text() if EXAMPLE_PLAN.exists() else "{}"

BAD_INPUTS = [
    ("not_json.json", "this is not json", "not valid JSON"),
    ("empty.json", "", "empty"),
    ("truncated.json", REAL_PLAN[: len(REAL_PLAN) // 2], "not valid JSON"),
    (
        "state.json",
        json.dumps(
            {"version": 4, "terraform_version": "1.11.4", "serial": 1, "lineage": "x", "outputs": {}, "resources": []}
        ),
        "state",
    ),
    (
        "shown_state.json",
        json.dumps({"format_version": "1.0", "terraform_version": "1.11.4", "values": {"root_module": {}}}),
        "state",
    ),
    (
        "future.json",
        json.dumps(
            {"format_version": "9.0", "terraform_version": "9.0.0", "planned_values": {}, "resource_changes": []}
        ),
        "format_version",
    ),
    ("array.json", "[1, 2, 3]", "object"),
]


@pytest.mark.parametrize(("name", "content", "message"), BAD_INPUTS, ids=[b[0] for b in BAD_INPUTS])
def test_bad_input_is_one_line_exit_2(tmp_path: Path, name: str, content: str, message: str) -> None:
    path = tmp_path / name
    path.write_text(content)
    result = run_cli("breakdown", "--plan", str(path))
    assert result.code == 2
    lines = result.err.strip().splitlines()
    assert len(lines) == 1, result.err
    assert str(path) in lines[0]
    assert message.lower() in lines[0].lower()
    assert "Traceback" not in result.err


def test_missing_plan_file(tmp_path: Path) -> None:
    result = run_cli("breakdown", "--plan", str(tmp_path / "nope.json"))
    assert result.code == 2
    assert "nope.json" in result.err and "Traceback" not in result.err


def test_usage_error_exit_2() -> None:
    result = run_cli("breakdown", "--format", "nonsense", "--plan", "x.json")
    assert result.code == 2
    assert "invalid choice" in result.err


def test_debug_shows_traceback(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text("{")
    result = run_cli("--debug", "breakdown", "--plan", str(path))
    assert result.code == 2
    assert "Traceback" in result.err


def test_every_format_choice_has_an_implementation() -> None:
    formats = all_formats()
    for command in ("breakdown", "diff", "check", "history", "anomalies"):
        assert format_names(command), command
        for name in format_names(command):
            assert callable(getattr(formats[(command, name)], "render", None)), (command, name)


def test_breakdown_example_table() -> None:
    result = run_cli("breakdown", "--plan", str(EXAMPLE_PLAN))
    assert result.code == 0, result.err
    assert "Total monthly cost" in result.out
    assert "aws_nat_gateway.main" in result.out
    assert "prices dated" in result.out


def test_breakdown_json_matches_schema() -> None:
    result = run_cli("breakdown", "--plan", str(EXAMPLE_PLAN), "--format", "json")
    assert result.code == 0, result.err
    doc = json.loads(result.out)
    schema = json.loads((REPO / "costgate" / "schemas" / "estimate-v1.schema.json").read_text())
    jsonschema.validate(doc, schema)
    assert doc["version"] == "1.5" and doc["currency"] == "USD"
    assert doc["currency_rate"] == {
        "code": "USD",
        "base": "USD",
        "rate": "1",
        "rate_date": None,
        "source": "the catalog's own prices (not converted)",
    }
    assert [(p["source"], p["unknowns"]) for p in doc["projects"]] == [("plan", [])]
    assert doc["projects"][0]["path"] == str(EXAMPLE_PLAN)
    project = doc["projects"][0]
    nat = next(r for r in project["resources"] if r["address"] == "aws_nat_gateway.main")
    hours = next(c for c in nat["components"] if c["unit"] == "hours")
    assert hours["monthly_quantity"] == 730
    assert isinstance(hours["monthly_cost"], float)
    assert hours["price_source"]["source"]
    usage = next(c for c in nat["components"] if c["usage_based"])
    assert usage["monthly_quantity"] is None and usage["monthly_cost"] is None and usage["unit_price"] > 0
    # every resource is counted somewhere: priced, free or unsupported
    counts = project["counts"]
    assert counts["priced"] + counts["free"] + counts["unsupported"] == counts["resources"] == len(project["resources"])
    assert len(project["unsupported"]) == counts["unsupported"]
    t = doc["totals"]
    assert Decimal(str(t["after"])) - Decimal(str(t["before"])) == Decimal(str(t["delta"]))


def test_schema_file_is_current() -> None:
    import subprocess
    import sys

    proc = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "gen_schema.py"), "--check"],
        check=False,
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stdout


def test_update_instance_diff_is_plus_70_08() -> None:
    plan = FIXTURES / "plans" / "update_instance" / "plan.json"
    result = run_cli("diff", "--plan", str(plan), "--format", "json")
    assert result.code == 0, result.err
    doc = json.loads(result.out)
    assert Decimal(str(doc["totals"]["delta"])).quantize(Decimal("0.01")) == Decimal("70.08")
    (res,) = [r for r in doc["projects"][0]["resources"] if r["type"] == "aws_instance"]
    assert res["action"] == "update"
    table = run_cli("diff", "--plan", str(plan))
    assert "+$70.08" in table.out


def test_catalog_query_m5_large() -> None:
    result = run_cli(
        "catalog",
        "query",
        "--provider",
        "aws",
        "--service",
        "AmazonEC2",
        "--region",
        "us-east-1",
        "--attr",
        "instanceType=m5.large",
        "--attr",
        "operatingSystem=Linux",
        "--format",
        "json",
    )
    assert result.code == 0, result.err
    rows = json.loads(result.out)
    assert [Decimal(r["price"]) for r in rows] == [Decimal("0.096")]


def test_catalog_info_json() -> None:
    result = run_cli("catalog", "info", "--format", "json")
    assert result.code == 0, result.err
    doc = json.loads(result.out)
    assert doc["price_date"] and doc["sources"]
    assert "us-east-1" in doc["regions"]["aws"]


def test_every_corpus_plan_loads_without_traceback() -> None:
    corpus = need_shared()
    plans = sorted((corpus / "plans").rglob("*.json"))
    assert plans
    for plan in plans:
        result = run_cli("breakdown", "--plan", str(plan), "--format", "json")
        assert result.code in (0, 2), (plan, result.err)
        assert "internal error" not in result.err and "Traceback" not in result.err, (plan, result.err)
        if result.code == 2:
            assert str(plan) in result.err and len(result.err.strip().splitlines()) == 1
