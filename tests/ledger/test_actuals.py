"""`costgate actuals import` from moto's Cost Explorer (its results set by each test) into a real
ledger (SQLite and PostgreSQL), then `actuals compare` against hand-made recorded runs whose
numbers differ per service, so a wiring mix-up shows."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import pytest
import requests
from moto import mock_aws

from costgate.ledger.record import ResourceRecord, ServiceRecord
from costgate.ledger.store import Ledger
from tests.helpers import EXAMPLE_PLAN, run_cli
from tests.ledger.records import make_run

MOTO_CE = "http://motoapi.amazonaws.com/moto-api/static/ce/cost-and-usage-results"


@pytest.fixture(autouse=True)
def _quiet(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COSTGATE_CATALOG_MAX_AGE_DAYS", "100000")
    monkeypatch.delenv("AWS_PROFILE", raising=False)


@pytest.fixture
def moto_ce() -> Iterator[None]:
    """moto's AWS (fake credentials included) for the length of the test."""
    with mock_aws():
        yield


def seed(*results: dict[str, Any]) -> None:
    """Queue GetCostAndUsage answers: the n-th distinct request gets the n-th result."""
    r = requests.post(MOTO_CE, json={"results": list(results)}, timeout=10)
    assert r.status_code == 201


def group(service: str, tag: str | None, amount: str) -> dict[str, Any]:
    keys = [service] if tag is None else [service, f"team${tag}"]
    return {"Keys": keys, "Metrics": {"UnblendedCost": {"Amount": amount, "Unit": "USD"}}}


def month(start: str, end: str, groups: list[dict[str, Any]], *, estimated: bool = False) -> dict[str, Any]:
    return {"TimePeriod": {"Start": start, "End": end}, "Total": {}, "Groups": groups, "Estimated": estimated}


SEPTEMBER = month(
    "2026-09-01",
    "2026-10-01",
    [
        group("Amazon Elastic Compute Cloud - Compute", "payments", "70"),
        group("AWS Lambda", "web", "5"),
    ],
)
OCTOBER_PAGE_1 = month(
    "2026-10-01",
    "2026-11-01",
    [
        group("Amazon Elastic Compute Cloud - Compute", "payments", "80.10"),
        group("EC2 - Other", "payments", "30.05"),
        group("Amazon Relational Database Service", "payments", "55"),
        group("AmazonCloudWatch", "payments", "12.5"),
    ],
)
OCTOBER_PAGE_2 = month(
    "2026-10-01",
    "2026-11-01",
    [
        group("AWS Lambda", "pay-alias", "1.25"),
        group("AWS Lambda", "web", "7.25"),
        group("Amazon Elastic Compute Cloud - Compute", "legacy", "20"),
        group("Tax", "", "9"),
        group("Amazon GuardDuty", "", "4.4"),
    ],
)


def seed_account() -> None:
    """Two months; the second split over two pages (NextPageToken)."""
    seed({"ResultsByTime": [SEPTEMBER, OCTOBER_PAGE_1], "NextPageToken": "page-2"}, {"ResultsByTime": [OCTOBER_PAGE_2]})


def record_runs(url: str) -> None:
    """payments: EC2 $100 (+ one unsupported resource), RDS $50 with 2 components lacking usage;
    web: Lambda $3 with 1 lacking usage; data: an azure project (left out of an AWS comparison)."""
    ledger = Ledger.open(url)
    old = make_run(project="payments", team="payments", after="999", when=datetime(2026, 8, 1, tzinfo=UTC))
    ledger.record(old)  # an older run of payments: only the latest counts
    run = make_run(
        project="payments",
        team="payments",
        before="0",
        after="150",
        resources=1,
        when=datetime(2026, 11, 2, tzinfo=UTC),
    )
    unsupported = ResourceRecord(
        "payments", "aws_foo.x", "aws_foo", "create", "payments", Decimal(0), Decimal(0), "unsupported"
    )
    ledger.record(
        replace(
            run,
            resources=(*run.resources, unsupported),
            services=(
                ServiceRecord("payments", "payments", "aws", "AmazonEC2", Decimal(100)),
                ServiceRecord("payments", "payments", "aws", "AmazonRDS", Decimal(50), usage_unknown=2),
            ),
        )
    )
    web = make_run(
        project="web", team="web", before="0", after="3", resources=1, when=datetime(2026, 11, 3, tzinfo=UTC)
    )
    ledger.record(
        replace(web, services=(ServiceRecord("web", "web", "aws", "AWSLambda", Decimal(3), usage_unknown=1),))
    )
    data = make_run(
        project="data", team="web", before="0", after="40", resources=1, when=datetime(2026, 11, 3, tzinfo=UTC)
    )
    ledger.record(replace(data, services=(ServiceRecord("data", "web", "azure", "Virtual Machines", Decimal(40)),)))
    ledger.close()


def import_october(url: str, *extra: str) -> Any:
    return run_cli(
        "actuals", "import", "--months", "2", "--until", "2026-10", "--tag-key", "team", "--ledger", url, *extra
    )


def rows_of(doc: dict[str, Any]) -> dict[str, tuple[Decimal | None, Decimal | None, list[str]]]:
    def dec(v: str | None) -> Decimal | None:
        return None if v is None else Decimal(v)

    return {r["key"]: (dec(r["estimate"]), dec(r["actual"]), [x["code"] for x in r["reasons"]]) for r in doc["rows"]}


def test_compare_by_team_prints_estimate_vs_actual_for_a_moto_seeded_account(
    ledger_url: str, moto_ce: None, tmp_path: Any
) -> None:
    record_runs(ledger_url)
    seed_account()
    r = import_october(ledger_url)
    assert r.code == 0, r.err
    assert "imported 11 amount(s) of UnblendedCost for 2026-09..2026-10 (tag team)" in r.out
    assert "$294.55 in all" in r.out  # September 75 + October 219.55
    config = tmp_path / "costgate.yml"
    config.write_text("teams:\n  - name: payments\n    aliases: [pay-alias]\n", encoding="utf-8")
    c = run_cli("actuals", "compare", "--ledger", ledger_url, "--config", str(config), "--format", "json")
    assert c.code == 0, c.err
    doc = json.loads(c.out)
    assert (doc["month"], doc["group_by"], doc["tag_key"], doc["metric"], doc["month_final"]) == (
        "2026-10",
        "team",
        "team",
        "UnblendedCost",
        True,
    )
    assert rows_of(doc) == {
        # 80.10 + 30.05 + 55 + 12.5 + 1.25 (the alias) against 100 + 50
        "payments": (Decimal(150), Decimal("178.90"), ["usage_not_given", "unsupported", "untracked_services"]),
        "web": (Decimal(3), Decimal("7.25"), ["usage_not_given"]),
        "legacy": (None, Decimal(20), ["unknown_tag_value"]),
        "(untagged)": (None, Decimal("13.4"), ["unallocated", "account_charge", "unmapped_service"]),
    }
    reasons = {r["key"]: [x["text"] for x in r["reasons"]] for r in doc["rows"]}
    assert "2 usage-based component(s) priced without usage" in reasons["payments"][0]
    assert reasons["payments"][1] == "resources of types costgate does not price: aws_foo"
    assert reasons["payments"][2] == (
        "billed services its estimate has nothing of: AmazonCloudWatch $12.50, AWS Lambda $1.25"
    )
    assert reasons["(untagged)"][1:] == [
        "account charges, not resources: Tax $9.00",
        "unmapped Cost Explorer services: Amazon GuardDuty $4.40",
    ]
    assert doc["totals"] == {"estimate": "153", "actual": "219.55", "gap": "66.55"}
    assert doc["notes"] == [
        "azure: $40.00/month of estimate left out (Cost Explorer bills AWS only)",
        ("the estimate is a month of 730 hours; 2026-10 has 744, so always-on resources bill +1.9% against it"),
    ]
    table = run_cli("actuals", "compare", "--ledger", ledger_url, "--config", str(config)).out
    assert "payments" in table and "$150.00" in table and "$178.90" in table and "+$28.90" in table
    assert "total" in table and "$219.55" in table


def test_compare_by_service_folds_billing_names_and_shows_unmapped_ones(ledger_url: str, moto_ce: None) -> None:
    record_runs(ledger_url)
    seed_account()
    assert import_october(ledger_url).code == 0
    c = run_cli("actuals", "compare", "--by", "service", "--ledger", ledger_url, "--format", "json")
    assert c.code == 0, c.err
    doc = json.loads(c.out)
    assert rows_of(doc) == {
        "AmazonEC2": (Decimal(100), Decimal("130.15"), []),
        "AmazonRDS": (Decimal(50), Decimal(55), ["usage_not_given"]),
        "AWSLambda": (Decimal(3), Decimal("8.50"), ["usage_not_given"]),
        "AmazonCloudWatch": (None, Decimal("12.5"), ["no_estimate"]),
        "Amazon GuardDuty": (None, Decimal("4.4"), ["unmapped_service"]),
        "Tax": (None, Decimal(9), ["account_charge"]),
    }
    ec2 = next(r for r in doc["rows"] if r["key"] == "AmazonEC2")
    assert ec2["billed_as"] == ["Amazon Elastic Compute Cloud - Compute", "EC2 - Other"]
    assert doc["notes"][1].startswith("1 resource(s) of types costgate does not price (aws_foo)")
    rows = list(
        csv.DictReader(
            io.StringIO(
                run_cli(
                    "actuals",
                    "compare",
                    "--by",
                    "service",
                    "--month",
                    "2026-09",
                    "--ledger",
                    ledger_url,
                    "--format",
                    "csv",
                ).out
            )
        )
    )
    assert {(r["key"], r["actual"]) for r in rows if r["actual"]} == {("AmazonEC2", "70"), ("AWSLambda", "5")}
    assert {r["month"] for r in rows} == {"2026-09"}


def test_compare_by_project_needs_spend_imported_by_a_project_tag(ledger_url: str, moto_ce: None) -> None:
    record_runs(ledger_url)
    seed_account()
    assert import_october(ledger_url).code == 0
    c = run_cli("actuals", "compare", "--by", "project", "--ledger", ledger_url)
    assert c.code == 2
    assert (
        "no spend for 2026-10 imported by tag project (imported by: team); run `costgate actuals import "
        "--tag-key project`"
        in c.err
        and c.err.count("\n") == 1
    )


def test_a_reimport_replaces_the_months_it_covers(ledger_url: str, moto_ce: None) -> None:
    seed_account()
    assert import_october(ledger_url).code == 0
    ledger = Ledger.open(ledger_url)
    before = ledger.count("actual_costs")
    ledger.close()
    # the same months again, now billed differently: moto forgets its answers, then gets new ones
    assert requests.post("http://motoapi.amazonaws.com/moto-api/reset", timeout=10).status_code == 200
    seed({"ResultsByTime": [SEPTEMBER, month("2026-10-01", "2026-11-01", [group("AWS Lambda", "web", "99")])]})
    again = import_october(ledger_url)
    assert again.code == 0, again.err
    ledger = Ledger.open(ledger_url)
    after = [
        (i.cost.month, i.cost.service, i.cost.tag_value, i.cost.amount)
        for i in ledger.actuals(source="aws-cost-explorer")
    ]
    ledger.close()
    assert before == 11
    assert after == [
        ("2026-09", "Amazon Elastic Compute Cloud - Compute", "payments", Decimal(70)),
        ("2026-09", "AWS Lambda", "web", Decimal(5)),
        ("2026-10", "AWS Lambda", "web", Decimal(99)),
    ]


def test_record_keeps_the_cost_per_service_of_a_real_plan(ledger_url: str) -> None:
    assert run_cli("record", "--plan", str(EXAMPLE_PLAN), "--ledger", ledger_url).code == 0
    ledger = Ledger.open(ledger_url)
    lines, unsupported = ledger.latest_estimates()
    [entry] = ledger.history()
    ledger.close()
    assert sum(line.monthly for line in lines) == entry.after  # every priced component lands in one service
    assert {line.service for line in lines} >= {"AmazonEC2"}
    assert {line.provider for line in lines} == {"aws"}
    assert unsupported == []


def test_a_run_recorded_without_services_is_compared_whole(ledger_url: str, moto_ce: None) -> None:
    ledger = Ledger.open(ledger_url)
    ledger.record(make_run(project="payments", team="payments", before="0", after="60"))
    ledger.close()
    seed_account()
    assert import_october(ledger_url).code == 0
    doc = json.loads(run_cli("actuals", "compare", "--by", "service", "--ledger", ledger_url, "--format", "json").out)
    rows = rows_of(doc)
    assert rows["(not recorded by service)"] == (Decimal(60), None, ["not_recorded_by_service"])
    team = rows_of(json.loads(run_cli("actuals", "compare", "--ledger", ledger_url, "--format", "json").out))
    assert team["payments"] == (Decimal(60), Decimal("177.65"), ["not_recorded_by_service"])


def test_an_import_where_nothing_is_tagged_says_the_tag_may_not_be_active(tmp_path: Any, moto_ce: None) -> None:
    seed({"ResultsByTime": [month("2026-10-01", "2026-11-01", [group("AWS Lambda", "", "3")])]})
    r = run_cli("actuals", "import", "--months", "1", "--until", "2026-10", "--ledger", str(tmp_path / "l.db"))
    assert r.code == 0, r.err
    assert "warning: no spend carries the tag `team`: is it activated as a cost allocation tag" in r.err


def test_compare_before_any_import_says_what_to_run(tmp_path: Any) -> None:
    r = run_cli("actuals", "compare", "--ledger", str(tmp_path / "l.db"))
    assert r.code == 2
    assert "no actual spend from aws-cost-explorer in the ledger: run `costgate actuals import` first" in r.err


def test_a_ledger_of_schema_0001_migrates_and_keeps_its_runs(ledger_url: str) -> None:
    from alembic import command
    from sqlalchemy import create_engine, text

    from costgate.ledger import migrations
    from costgate.ledger.store import ledger_url as parse_url

    engine = create_engine(parse_url(ledger_url))
    with engine.begin() as conn:
        command.upgrade(migrations._config(conn), "0001")
        conn.execute(
            text(
                "INSERT INTO runs (id, recorded_at, source, catalog_id, currency, before_micros, after_micros, "
                "delta_micros) VALUES (1, '2026-06-01 00:00:00+00:00', 'record', 'c', 'USD', 0, 12500000, "
                "12500000)"
            )
        )
        conn.execute(
            text(
                "INSERT INTO run_projects (run_id, project, team, before_micros, after_micros, delta_micros) "
                "VALUES (1, 'old', 'core', 0, 12500000, 12500000)"
            )
        )
    engine.dispose()
    ledger = Ledger.open(ledger_url)
    try:
        assert ledger.schema_version() == "0004"
        lines, unsupported = ledger.latest_estimates()
    finally:
        ledger.close()
    assert [(x.project, x.team, x.provider, x.service, x.monthly) for x in lines] == [
        ("old", "core", "", "", Decimal("12.5"))
    ]
    assert unsupported == []


def test_compare_refuses_estimates_in_another_currency_than_the_bill(ledger_url: str, moto_ce: None) -> None:
    record_runs(ledger_url)
    ledger = Ledger.open(ledger_url)
    ledger.record(
        make_run(project="shop", team="web", after="40", when=datetime(2026, 11, 4, tzinfo=UTC), currency="EUR")
    )
    ledger.close()
    seed_account()
    assert import_october(ledger_url).code == 0
    c = run_cli("actuals", "compare", "--by", "service", "--ledger", ledger_url)
    assert c.code == 2 and c.err.count("\n") == 1 and "Traceback" not in c.err
    assert "the latest runs of shop were recorded in EUR and the bill is in USD" in c.err
