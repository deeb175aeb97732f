"""`costgate check` end to end on examples/gate: exit codes, what blocks, table/JSON/SARIF."""

from __future__ import annotations

import json
import os
from pathlib import Path

import jsonschema
import pytest

from tests.helpers import REPO, run_cli

EXAMPLE = REPO / "examples" / "gate"
PLAN = str(EXAMPLE / "plan.json")
CONFIG = str(EXAMPLE / "costgate.yml")
SUBSET = Path(__file__).with_name("sarif_subset.schema.json")


def test_example_blocks_and_names_why() -> None:
    run = run_cli("check", "--plan", PLAN, "--config", CONFIG, "--today", "2026-06-01")
    assert run.code == 1, run.err
    text = " ".join(run.out.split())
    assert "Verdict: BLOCK" in text
    assert "blocked by budget:payments-monthly (budget-crossed)" in text
    assert "blocked by CG101 (gp2-volume)" in text
    assert "blocked by rego:cost (cost/deny): aws_instance.payments_api costs $" in text
    assert "expired: waiver for CG501" in text and "(waived)" in text


def test_json_output() -> None:
    run = run_cli("check", "--plan", PLAN, "--config", CONFIG, "--format", "json", "--today", "2026-06-01")
    assert run.code == 1
    doc = json.loads(run.out)
    gate = doc["gate"]
    assert gate["verdict"] == "block" and doc["estimate"]["projects"][0]["name"] == "shop-staging"
    blocking = {(f["code"], f["address"]) for f in gate["findings"] if f["severity"] == "block" and not f["waived"]}
    assert blocking == {
        ("CG101", "aws_ebs_volume.ledger"),
        ("rego:cost", "aws_instance.payments_api"),
        ("budget:payments-monthly", None),
    }
    crossed = next(b for b in gate["budgets"] if b["name"] == "payments-monthly")
    assert crossed["status"] == "crossed" and crossed["before"] == 420 and crossed["after"] > 600
    assert {t["team"] for t in gate["teams"]} == {"payments", "search", "unowned"}
    ledger = next(f for f in gate["findings"] if f["code"] == "CG101")
    assert ledger["monthly_saving"] > 0 and ledger["owner"] == "payments"


def _sarif(tmp_path: Path) -> dict:  # type: ignore[type-arg]
    out = tmp_path / "out.sarif"
    run = run_cli(
        "check", "--plan", PLAN, "--config", CONFIG, "--format", "sarif", "--out", str(out), "--today", "2026-06-01"
    )
    assert run.code == 1 and "verdict block" in run.err
    return json.loads(out.read_text())


def test_sarif_is_valid_2_1_0(tmp_path: Path) -> None:
    log = _sarif(tmp_path)
    jsonschema.validate(log, json.loads(SUBSET.read_text()), format_checker=jsonschema.FormatChecker())
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert len({r["id"] for r in rules}) == len(rules)
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
    levels = {(r["ruleId"], r["level"]) for r in run["results"] if "suppressions" not in r}
    assert {
        ("CG101", "error"),
        ("rego:cost", "error"),
        ("budget:payments-monthly", "error"),
        ("CG201", "warning"),
    } <= levels
    waived = [r for r in run["results"] if "suppressions" in r]
    assert [r["ruleId"] for r in waived] == ["CG105"]
    cg101 = next(r for r in run["results"] if r["ruleId"] == "CG101")
    assert cg101["locations"][0]["logicalLocations"][0]["fullyQualifiedName"] == "aws_ebs_volume.ledger"
    assert cg101["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith("plan.json")
    budget = next(r for r in run["results"] if r["ruleId"] == "budget:payments-monthly")
    line = Path(CONFIG).read_text().splitlines().index("  - name: payments-monthly") + 1
    assert budget["locations"][0]["physicalLocation"]["region"]["startLine"] == line
    assert next(r for r in rules if r["id"] == "CG101")["helpUri"].endswith("docs/rules/CG101.md")


@pytest.mark.skipif(
    not os.environ.get("COSTGATE_SARIF_SCHEMA"), reason="set COSTGATE_SARIF_SCHEMA to the official schema file"
)
def test_sarif_against_the_official_schema(tmp_path: Path) -> None:
    schema = json.loads(Path(os.environ["COSTGATE_SARIF_SCHEMA"]).read_text())
    jsonschema.validate(_sarif(tmp_path), schema)


def test_plans_from_the_config(tmp_path: Path) -> None:
    run = run_cli("check", "--config", CONFIG, "--format", "json", "--today", "2026-06-01")
    assert run.code == 1 and json.loads(run.out)["estimate"]["projects"][0]["name"] == "shop-staging"


def test_pass_without_findings(tmp_path: Path) -> None:
    cfg = tmp_path / "costgate.yml"
    cfg.write_text(
        "policies:\n  disable: ["
        + ", ".join(["CG101", "CG102", "CG105", "CG201", "CG202", "CG203", "CG301", "CG501", "CG903", "CG904"])
        + "]\n"
    )
    run = run_cli("check", "--plan", PLAN, "--config", str(cfg))
    assert run.code == 0 and "Verdict: PASS" in run.out


def test_warn_exits_zero(tmp_path: Path) -> None:
    cfg = tmp_path / "costgate.yml"
    cfg.write_text("version: 1\n")
    run = run_cli("check", "--plan", PLAN, "--config", str(cfg))
    assert run.code == 0 and "Verdict: WARN" in run.out


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["--plan", "nope.json"], "nope.json"),
        (["--config", "missing.yml"], "config file not found"),
        (["--plan", PLAN, "--format", "xml"], "invalid choice"),
    ],
)
def test_bad_input_exits_2(tmp_path: Path, args: list[str], fragment: str) -> None:
    run = run_cli("check", *args)
    assert run.code == 2 and fragment in run.err
