"""`costgate showback` end to end on examples/gate: per-owner rows (CSV, JSON, FOCUS) add up to
the estimate's total exactly, unallocated and unpriced are shown, the FOCUS file keeps the
specification's column rules (tests/report/focus_rules.py), bad input exits 2."""

from __future__ import annotations

import csv
import io
import json
from collections import defaultdict
from datetime import datetime
from decimal import Decimal
from pathlib import Path

import pytest

from tests.helpers import REPO, run_cli
from tests.report import focus_rules

EXAMPLE = REPO / "examples" / "gate"
ARGS = ("--plan", str(EXAMPLE / "plan.json"), "--config", str(EXAMPLE / "costgate.yml"), "--as-of", "2026-06-15")


def _total() -> Decimal:
    """The estimate's after-change total as `breakdown --format json` states it."""
    run = run_cli("breakdown", *ARGS, "--format", "json")
    assert run.code == 0, run.err
    return Decimal(str(json.loads(run.out)["totals"]["after"]))


def _csv(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_team_csv_adds_up_to_the_total() -> None:
    run = run_cli("showback", *ARGS, "--by", "team", "--format", "csv")
    assert run.code == 0, run.err
    rows = {r["owner"]: r for r in _csv(run.out)}
    assert set(rows) == {"payments", "search", "(unallocated)"}
    total = sum((Decimal(r["monthly_cost"]) for r in rows.values()), Decimal(0))
    assert total == _total() == Decimal("982.94")
    # the shared NAT gateway left search's direct cost and was split in proportion to direct cost
    assert Decimal(rows["payments"]["shared_monthly_cost"]) > 0 and Decimal(rows["search"]["shared_monthly_cost"]) > 0
    assert rows["(unallocated)"]["unallocated"] == "true"
    assert int(rows["search"]["unpriced_components"]) == 2  # counted, not $0


def test_focus_file_adds_up_per_team_and_keeps_the_column_rules(tmp_path: Path) -> None:
    out = tmp_path / "focus.csv"
    run = run_cli("showback", *ARGS, "--by", "team", "--format", "focus", "--out", str(out))
    assert run.code == 0, run.err
    assert "not rows of the FOCUS file" in run.err  # unpriced components are named, not $0 rows
    text = out.read_text()
    reader = csv.DictReader(io.StringIO(text))
    rows = list(reader)
    assert focus_rules.check(reader.fieldnames or [], rows) == []
    per_team: dict[str, Decimal] = defaultdict(Decimal)
    for r in rows:
        per_team[r["x_CostgateOwner"] or "(unallocated)"] += Decimal(r["BilledCost"])
    assert sum(per_team.values(), Decimal(0)) == _total()
    showback = {r["owner"]: Decimal(r["monthly_cost"]) for r in _csv(run_cli("showback", *ARGS, "--format", "csv").out)}
    assert dict(per_team) == showback
    assert {r["ChargePeriodStart"] for r in rows} == {"2026-06-01T00:00:00Z"}
    assert {r["ChargePeriodEnd"] for r in rows} == {"2026-07-01T00:00:00Z"}
    nat = [r for r in rows if r["ResourceType"] == "aws_nat_gateway"]
    assert {r["x_CostgateSharedPool"] for r in nat} == {"network"} and len({r["x_CostgateOwner"] for r in nat}) == 2


def test_breakdown_focus_keeps_the_column_rules() -> None:
    run = run_cli("breakdown", *ARGS, "--format", "focus")
    assert run.code == 0, run.err
    reader = csv.DictReader(io.StringIO(run.out))
    rows = list(reader)
    assert focus_rules.check(reader.fieldnames or [], rows) == []
    assert sum((Decimal(r["BilledCost"]) for r in rows), Decimal(0)) == _total()
    ebs = next(r for r in rows if r["x_CostgateAddress"] == "aws_ebs_volume.ledger")
    assert ebs["ServiceCategory"] == "Storage" and ebs["PricingUnit"] == "GB"
    assert Decimal(ebs["ListUnitPrice"]) * Decimal(ebs["PricingQuantity"]) == Decimal(ebs["ListCost"])


def test_the_rule_checker_can_fail() -> None:
    header = ["BilledCost", "ChargeCategory", "Tags", "BillingCurrency", "ChargePeriodStart", "x_a", "ServiceName"]
    rows = [
        {
            "BilledCost": "+1,000",
            "ChargeCategory": "Forecast",
            "Tags": "[1]",
            "BillingCurrency": "usd",
            "ChargePeriodStart": "2026-06-01 00:00",
            "x_a": "",
            "ServiceName": "",
        }
    ]
    problems = focus_rules.check(header, rows)
    for fragment in (
        "missing mandatory column ListCost",
        "BilledCost='+1,000'",
        "ChargeCategory='Forecast'",
        "Tags is not a JSON object",
        "not an ISO 4217",
        "not YYYY-MM-DDTHH:mm:ssZ",
        "ServiceName (position 6) comes after",
        "ServiceName is null",
    ):
        assert any(fragment in p for p in problems), (fragment, problems)


@pytest.mark.parametrize("by", ["project", "service", "region", "tag:environment"])
def test_every_dimension_adds_up(by: str) -> None:
    run = run_cli("showback", *ARGS, "--by", by, "--format", "json")
    assert run.code == 0, run.err
    doc = json.loads(run.out)
    assert doc["by"] == by and doc["complete"] is False and doc["incomplete"].startswith("incomplete:")
    total = sum(Decimal(str(o["total"]["after"])) for o in doc["owners"])
    assert abs(total - _total()) < Decimal("1e-9")


def test_table_names_unallocated_and_what_is_not_priced() -> None:
    run = run_cli("showback", *ARGS)
    assert run.code == 0, run.err
    text = " ".join(run.out.split())
    assert "(unallocated)" in text and "2 unpriced" in text and "shared pool network" in text


@pytest.mark.parametrize(
    "args,fragment",
    [
        (["--by", "owner"], "--by"),
        (["--by", "tag:"], "--by"),
    ],
)
def test_bad_by_exits_2(args: list[str], fragment: str) -> None:
    run = run_cli("showback", *ARGS, *args)
    assert run.code == 2 and fragment in run.err and "Traceback" not in run.err


def test_parquet(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "focus.parquet"
    run = run_cli("showback", *ARGS, "--format", "focus", "--out", str(out))
    assert run.code == 0, run.err
    table = pq.read_table(out)
    assert str(table.schema.field("BilledCost").type).startswith("decimal128")
    assert str(table.schema.field("ChargePeriodStart").type).endswith("tz=UTC]")  # Parquet keeps ms at least
    assert sum(table.column("BilledCost").to_pylist(), Decimal(0)) == _total()

    def text(value: object) -> str | None:
        if value is None:
            return None
        if isinstance(value, Decimal):
            return f"{value.normalize():f}"
        if isinstance(value, datetime):
            return value.strftime("%Y-%m-%dT%H:%M:%SZ")
        return str(value)

    rows = [{k: text(v) for k, v in row.items()} for row in table.to_pylist()]
    assert focus_rules.check(table.column_names, rows) == []
    assert rows[0]["ChargePeriodStart"] == "2026-06-01T00:00:00Z"


def test_unit_costs_in_breakdown_diff_and_check() -> None:
    """examples/gate declares requests: 12,000,000 a month, shown per 1,000."""
    doc = json.loads(run_cli("breakdown", *ARGS, "--format", "json").out)
    (unit,) = doc["unit_costs"]
    assert unit["name"] == "requests" and unit["per"] == 1000 and unit["complete"] is False
    assert abs(Decimal(str(unit["after"])) - _total() / 12000) < Decimal("1e-12")
    diff = " ".join(run_cli("diff", *ARGS).out.split())
    assert "cost per 1,000 requests $0.00 → $0.0819 (at least: the estimate is incomplete)" in diff
    check = json.loads(run_cli("check", *ARGS, "--format", "json", "--today", "2026-06-01").out)
    assert check["gate"]["unit_costs"][0]["display"] == "per 1,000 requests"
    markdown = run_cli("diff", *ARGS, "--format", "markdown").out
    assert "**Unit costs**" in markdown and "- cost per 1,000 requests $0.00 → $0.0819" in markdown


def test_json_matches_its_schema() -> None:
    import jsonschema

    schema = json.loads((REPO / "costgate" / "schemas" / "showback-v1.schema.json").read_text())
    for by in ("team", "service"):
        doc = json.loads(run_cli("showback", *ARGS, "--by", by, "--format", "json").out)
        jsonschema.validate(doc, schema)
    doc["owners"][0]["owner"] = 3
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(doc, schema)
