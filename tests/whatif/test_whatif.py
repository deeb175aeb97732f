"""`costgate whatif` with the shipped catalog: regions ranked through the one estimate path,
what each region cannot price (with the way to a price), resources kept where they are (other
clouds, global prices), the Graviton swap where the catalog sells the twin, and bad input."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from costgate.errors import UsageError
from costgate.gate.rules._helpers import EC2_GRAVITON, RDS_GRAVITON
from costgate.whatif.regions import TargetRegion, parse_regions
from costgate.whatif.swap import twin
from tests.helpers import EXAMPLE_PLAN, FIXTURES, run_cli

BASIC = ("--plan", str(EXAMPLE_PLAN))
AZURE = ("westeurope", "northeurope", "eastus")  # the Azure locations a catalog knows


def _whatif(*args: str) -> dict[str, object]:
    result = run_cli("whatif", *args, "--format", "json", "--max-catalog-age-days", "0")
    assert result.code == 0, result.err
    doc: dict[str, object] = json.loads(result.out)
    return doc


def _region(doc: dict[str, object], name: str) -> dict[str, object]:
    return next(r for r in doc["regions"] if r["region"] == name)  # type: ignore[union-attr, index]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("eu-central-1,eu-west-1,us-east-1", [("aws", "eu-central-1"), ("aws", "eu-west-1"), ("aws", "us-east-1")]),
        ("westeurope, West Europe ,northeurope", [("azure", "westeurope"), ("azure", "northeurope")]),
        ("europe-west1,us-central1", [("google", "europe-west1"), ("google", "us-central1")]),
        (
            "us-gov-west-1,aws:mars-1,gcp:europe-west9",
            [("aws", "us-gov-west-1"), ("aws", "mars-1"), ("google", "europe-west9")],
        ),
        ("azure:newregion", [("azure", "newregion")]),
    ],
)
def test_region_names_are_told_apart_by_cloud(text: str, expected: list[tuple[str, str]]) -> None:
    assert parse_regions(text, AZURE) == [TargetRegion(p, r) for p, r in expected]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("mars", "'mars' is not a region name"),
        ("eu", "'eu' is not a region name"),
        (",", "give at least one region"),
        ("oracle:eu-frankfurt-1", "not PROVIDER:REGION"),
    ],
)
def test_bad_region_names_are_refused(text: str, message: str) -> None:
    with pytest.raises(UsageError, match=message):
        parse_regions(text, AZURE)


def test_graviton_twins_come_from_the_gate_tables_and_the_next_generation() -> None:
    assert twin("m5.large", EC2_GRAVITON, 0) == "m6g.large"
    assert twin("m5.large", EC2_GRAVITON, 1) == "m7g.large"
    assert twin("t3.medium", EC2_GRAVITON, 1) is None  # no Graviton generation after t4g
    assert twin("db.m5.large", RDS_GRAVITON, 0) == "db.m6g.large"
    assert twin("m6g.large", EC2_GRAVITON, 0) is None  # already Graviton
    assert twin("c5d.xlarge", EC2_GRAVITON, 0) == "c6gd.xlarge" and twin("c5d.xlarge", EC2_GRAVITON, 1) == "c7gd.xlarge"
    assert twin("c5n.2xlarge", EC2_GRAVITON, 0) == "c6gn.2xlarge"


def test_basic_is_ranked_and_the_gaps_are_said_with_the_way_to_a_price() -> None:
    doc = _whatif(*BASIC, "--region", "eu-central-1,us-east-1,eu-west-1")
    planned = doc["planned"]
    breakdown = json.loads(run_cli("breakdown", *BASIC, "--format", "json", "--max-catalog-age-days", "0").out)
    # as planned is exactly what breakdown says: one pricing path
    assert planned["monthly_total"] == breakdown["totals"]["after"]  # type: ignore[index]
    us = _region(doc, "us-east-1")
    assert us["rank"] == 1 and us["comparable"] and us["like_for_like_delta"] == 0  # examples/basic runs in us-east-1
    central = _region(doc, "eu-central-1")  # the shipped catalog has no EC2 prices there
    assert central["rank"] is None and not central["comparable"] and central["resources_repriced"] == 15
    gaps = {(u["address"], u["component"]): u for u in central["unpriced"]}  # type: ignore[union-attr]
    app = gaps[("aws_instance.app", "Instance usage (Linux/UNIX, on-demand, m5.large)")]
    assert app["reason"] == "the catalog has no AmazonEC2 prices for region eu-central-1"
    assert "--fetch-prices missing" in app["hint"]
    # eu-west-1 prices the instances, but not the EKS extended-support fee that us-east-1 prices
    west = _region(doc, "eu-west-1")
    assert west["missing_vs_planned"] >= 1 and "no price there" in west["not_ranked_because"]  # type: ignore[operator]
    table = run_cli("whatif", *BASIC, "--region", "eu-central-1,us-east-1", "--max-catalog-age-days", "0").out
    assert (
        "Not priced in eu-central-1" in table and "the catalog has no AmazonEC2 prices for region eu-central-1" in table
    )
    assert "eu-central-1 is not ranked" in table and "--fetch-prices missing" in table


def test_graviton_swap_is_priced_where_the_catalog_sells_the_twin() -> None:
    doc = _whatif(*BASIC, "--region", "eu-west-1,us-east-1", "--swap", "instance-family=graviton", "--no-suggestions")
    west = {s["address"]: s for s in _region(doc, "eu-west-1")["swaps"]}  # type: ignore[union-attr]
    # AWS list prices in eu-west-1: m5.large $0.107/hour, m6g.large $0.086/hour; 730 hours
    assert west["aws_instance.app"]["to"] == ["m6g.large"]
    assert Decimal(str(west["aws_instance.app"]["monthly_saving"])) == Decimal("15.33")
    east = {s["address"]: s for s in _region(doc, "us-east-1")["swaps"]}  # type: ignore[union-attr]
    bastion = east["aws_instance.bastion"]  # the shipped us-east-1 rows have no t4g.medium
    assert bastion["to"] is None and bastion["monthly_saving"] is None and "t4g.medium" in bastion["reason"]
    orders = east["aws_db_instance.orders"]  # db.m5.large itself has no price there: no saving is told
    assert orders["monthly_saving"] is None and "db.m5.large has no price in us-east-1" in orders["reason"]
    with_swaps = _region(doc, "eu-west-1")
    saved = sum(s["monthly_saving"] or 0 for s in with_swaps["swaps"])  # type: ignore[union-attr]
    assert with_swaps["monthly_total_with_swaps"] == pytest.approx(with_swaps["monthly_total"] - saved)  # type: ignore[operator]


def test_rule_suggestions_are_what_if_savings() -> None:
    doc = _whatif(*BASIC, "--region", "us-east-1")
    codes = {(s["code"], s["address"]) for s in doc["suggestions"]}  # type: ignore[union-attr]
    assert ("CG101", "aws_ebs_volume.data") in codes and ("CG202", "aws_instance.app") in codes
    assert all(s["monthly_saving"] > 0 for s in doc["suggestions"])  # type: ignore[union-attr]
    assert _whatif(*BASIC, "--region", "us-east-1", "--no-suggestions")["suggestions"] == []


def test_other_clouds_and_global_prices_are_kept_and_said() -> None:
    doc = _whatif(*BASIC, "--region", "westeurope,us-east-1")
    azure = _region(doc, "westeurope")
    assert azure["rank"] is None and azure["resources_repriced"] == 0
    assert {k["reason"] for k in azure["kept"]} == {"an AWS resource; westeurope is an Azure region"}  # type: ignore[union-attr]
    zone = _whatif(
        "--plan", str(FIXTURES / "resources" / "aws" / "route53_zone" / "plan.json"), "--region", "eu-central-1"
    )
    kept = _region(zone, "eu-central-1")["kept"]
    assert kept and all("same in every region" in k["reason"] for k in kept)  # type: ignore[union-attr, index]
    assert _region(zone, "eu-central-1")["monthly_total"] == zone["planned"]["monthly_total"]  # type: ignore[index]


def test_azure_and_google_resources_move_to_their_clouds_regions() -> None:
    vm = FIXTURES / "resources" / "azure" / "linux_virtual_machine"
    doc = _whatif("--path", str(vm), "--region", "westeurope,eastus")
    west = _region(doc, "westeurope")
    assert west["resources_repriced"] == 5 and west["kept"] == []
    assert west["monthly_total"] != doc["planned"]["monthly_total"]  # type: ignore[index]
    gce = FIXTURES / "resources" / "google" / "compute_instance"
    doc = _whatif("--path", str(gce), "--region", "europe-west1")
    assert _region(doc, "europe-west1")["resources_repriced"] >= 5


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--region", "mars"), "--region: 'mars' is not a region name"),
        (
            ("--region", "eu-west-1", "--swap", "instance-family=arm"),
            "--swap: 'instance-family=arm' is not a known swap",
        ),
    ],
)
def test_bad_options_exit_2_with_one_line(args: tuple[str, ...], message: str) -> None:
    result = run_cli("whatif", *BASIC, *args)
    assert result.code == 2 and message in result.err and len(result.err.strip().splitlines()) == 1
