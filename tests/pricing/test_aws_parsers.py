"""AWS price-list parsers against real-format data: the raw bulk CSV sample from the corpus,
a bulk CSV and a JSON offer written to AWS's documented layout, and Pricing API pages
through botocore's Stubber (moto has no pricing service)."""

from __future__ import annotations

import json
from decimal import Decimal

import boto3
import pytest
from botocore.stub import Stubber

from costgate.errors import CatalogError
from costgate.pricing.refresh import aws
from tests.helpers import need_shared
from tests.pricing.conftest import PRICES


def _lines(path):  # type: ignore[no-untyped-def]
    return path.read_text(encoding="utf-8").splitlines()


def test_raw_bulk_csv_sample_from_the_corpus() -> None:
    sample = need_shared() / "prices" / "terracost-aws-euwest1" / "AmazonEC2_eu-west-3.sample.csv"
    rows = list(aws.csv_rows(_lines(sample), service="AmazonEC2", region="eu-west-3", origin=str(sample)))
    assert rows, "the sample has on-demand rows"
    by_api = {r.attributes.get("volumeApiName"): r for r in rows if r.family == "Storage"}
    gp2 = by_api["gp2"]
    assert gp2.price == Decimal("0.116") and gp2.unit == "GB-Mo" and gp2.region == "eu-west-3"
    assert gp2.attributes["usagetype"] == "EUW3-EBS:VolumeUsage.gp2"
    assert gp2.price_date == "2020-10-19"  # the file's Publication Date
    assert by_api["st1"].price == Decimal("0.053")
    for r in rows:
        assert set(r.attributes) <= aws.KEEP_ATTRIBUTES
        assert r.provider == "aws" and r.service == "AmazonEC2" and r.purchase_option == "on_demand"
        assert "" not in r.attributes.values()


def test_bulk_csv_filters_while_reading() -> None:
    path = PRICES / "aws" / "AmazonEC2_us-east-1.csv"
    rows = list(aws.csv_rows(_lines(path), service="AmazonEC2", region="us-east-1"))
    linux = [
        r
        for r in rows
        if r.attributes.get("instanceType") == "m5.large" and r.attributes.get("operatingSystem") == "Linux"
    ]
    assert [(r.price, r.purchase_option, r.unit) for r in linux] == [(Decimal("0.096"), "on_demand", "Hrs")]
    assert linux[0].attributes["usagetype"] == "BoxUsage:m5.large"
    assert "physicalCores" not in linux[0].attributes  # not an attribute pricers query
    assert all(r.attributes.get("capacitystatus", "Used") == "Used" for r in rows)
    tiers = sorted((r.tier_start, r.tier_end, r.price) for r in rows if r.family == "Data Transfer")
    assert tiers == [
        (Decimal(0), Decimal(100), Decimal(0)),
        (Decimal(100), Decimal(10240), Decimal("0.09")),
        (Decimal(10240), Decimal(51200), Decimal("0.085")),
        (Decimal(51200), None, Decimal("0.07")),
    ]
    assert len({r.sku for r in rows if r.family == "Data Transfer"}) == 1  # tiers of one product share its SKU


def test_bulk_csv_reserved_terms_on_request() -> None:
    path = PRICES / "aws" / "AmazonEC2_us-east-1.csv"
    rows = list(aws.csv_rows(_lines(path), service="AmazonEC2", region="us-east-1", with_reserved=True))
    (ri,) = [r for r in rows if r.purchase_option == "reserved"]
    assert ri.price == Decimal("0.06")
    assert dict(ri.term) == {"leaseContractLength": "1yr", "purchaseOption": "No Upfront", "offeringClass": "standard"}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('"FormatVersion","v1.0"\n"Disclaimer","x"\n', "no header row"),
        ('"SKU","TermType"\n"A","OnDemand"\n', "lacks columns"),
    ],
)
def test_bulk_csv_that_is_not_a_price_list(text: str, message: str) -> None:
    with pytest.raises(CatalogError, match=message):
        list(aws.csv_rows(text.splitlines(), service="AmazonEC2", region="us-east-1", origin="x.csv"))


def test_bulk_csv_cut_mid_row_names_the_line() -> None:
    lines = _lines(PRICES / "aws" / "AmazonEC2_us-east-1.csv")
    cut = [*lines[:8], lines[8][: len(lines[8]) // 3]]
    with pytest.raises(CatalogError, match=r"x\.csv: line 9: .*cut short"):
        list(aws.csv_rows(cut, service="AmazonEC2", region="us-east-1", origin="x.csv"))


def test_json_offer_file() -> None:
    offer = json.loads((PRICES / "aws" / "AmazonRDS_eu-west-1_offer.json").read_text())
    rows = list(aws.offer_rows(offer, region="eu-west-1", with_reserved=True))
    (inst,) = [r for r in rows if r.family == "Database Instance" and r.purchase_option == "on_demand"]
    assert inst.service == "AmazonRDS" and inst.price == Decimal("0.394")
    assert {k: inst.attributes[k] for k in ("instanceType", "databaseEngine", "deploymentOption")} == {
        "instanceType": "db.m5.large",
        "databaseEngine": "PostgreSQL",
        "deploymentOption": "Multi-AZ",
    }
    assert inst.price_date == "2026-11-20"
    reserved = sorted((r.unit, r.price) for r in rows if r.purchase_option == "reserved")
    assert reserved == [("Hrs", Decimal("0.118")), ("Quantity", Decimal("1034"))]
    assert all(
        dict(r.term) == {"leaseContractLength": "1yr", "offeringClass": "standard", "purchaseOption": "Partial Upfront"}
        for r in rows
        if r.purchase_option == "reserved"
    )
    storage = [r for r in rows if r.family == "Database Storage"]
    assert [(r.unit, r.price) for r in storage] == [("GB-Mo", Decimal("0.253"))]


def _api_items() -> list[str]:
    offer = json.loads((PRICES / "aws" / "AmazonRDS_eu-west-1_offer.json").read_text())
    items = []
    for sku, product in offer["products"].items():
        terms = {tt: offer["terms"][tt].get(sku, {}) for tt in offer["terms"]}
        items.append(
            json.dumps(
                {
                    "product": product,
                    "serviceCode": "AmazonRDS",
                    "terms": terms,
                    "version": offer["version"],
                    "publicationDate": offer["publicationDate"],
                }
            )
        )
    return items


def test_pricing_api_pages_through_next_token() -> None:
    client = boto3.client("pricing", region_name="us-east-1", aws_access_key_id="x", aws_secret_access_key="y")
    first, second = _api_items()
    wanted = {
        "ServiceCode": "AmazonRDS",
        "FormatVersion": "aws_v1",
        "MaxResults": 100,
        "Filters": [{"Type": "TERM_MATCH", "Field": "regionCode", "Value": "eu-west-1"}],
    }
    with Stubber(client) as stub:
        stub.add_response("get_products", {"FormatVersion": "aws_v1", "PriceList": [first], "NextToken": "t2"}, wanted)
        stub.add_response(
            "get_products", {"FormatVersion": "aws_v1", "PriceList": [second]}, {**wanted, "NextToken": "t2"}
        )
        pages: list[int] = []
        rows = list(aws.api_rows(client, service="AmazonRDS", region="eu-west-1", on_page=pages.append))
        stub.assert_no_pending_responses()
    assert pages == [1, 1]
    assert sorted((r.family, r.price) for r in rows) == [
        ("Database Instance", Decimal("0.394")),
        ("Database Storage", Decimal("0.253")),
    ]
    assert {r.source for r in rows} == {aws.SOURCE_API}


def test_pricing_api_error_is_a_catalog_error() -> None:
    client = boto3.client("pricing", region_name="us-east-1", aws_access_key_id="x", aws_secret_access_key="y")
    with Stubber(client) as stub:
        stub.add_client_error("get_products", service_error_code="ThrottlingException", http_status_code=400)
        with pytest.raises(CatalogError, match="AWS Pricing API failed for AmazonEC2 in us-east-1"):
            list(aws.api_rows(client, service="AmazonEC2", region="us-east-1"))


@pytest.mark.parametrize(
    ("usagetype", "region", "transfer", "src", "dst"),
    [
        ("EU-DataTransfer-Regional-Bytes", "eu-west-1", "IntraRegion", "EU (Ireland)", "EU (Ireland)"),
        ("APS1-EU-AWS-Out-Bytes", "ap-southeast-1", "InterRegion Outbound", "Asia Pacific (Singapore)", "EU (Ireland)"),
        ("USE1-EU-AWS-In-Bytes", "eu-west-1", "InterRegion Inbound", "US East (N. Virginia)", "EU (Ireland)"),
        ("EU-UGW1-AWS-Out-Bytes", "eu-west-1", "InterRegion Outbound", "EU (Ireland)", "AWS GovCloud (US-West)"),
    ],
)
def test_terracost_data_transfer_usagetypes_get_region_and_locations(
    usagetype: str, region: str, transfer: str, src: str, dst: str
) -> None:
    from costgate.pricing.build.terracost import data_transfer_attributes

    assert data_transfer_attributes(usagetype) == (
        region,
        {"transferType": transfer, "fromLocation": src, "toLocation": dst},
    )


@pytest.mark.parametrize("usagetype", ["XX-EU-AWS-Out-Bytes", "EU-DataTransfer-Out-Bytes", ""])
def test_terracost_unreadable_data_transfer_usagetype_is_left_out(usagetype: str) -> None:
    from costgate.pricing.build.terracost import data_transfer_attributes

    assert data_transfer_attributes(usagetype) is None


def test_every_attribute_the_shipped_aws_rows_carry_survives_a_fetch() -> None:
    """Pricers query the attributes the shipped rows carry; a fetched or refreshed scope that
    dropped one would leave its components unpriced (SQS queueType once was)."""
    import orjson

    from costgate.pricing.refresh.aws import keep_attribute
    from costgate.pricing.rows import read_rows
    from costgate.pricing.store import default_data_dir

    root = default_data_dir()
    manifest = orjson.loads((root / "manifest.json").read_bytes())
    keys: set[str] = set()
    for info in manifest["files"]:
        if info["provider"] == "aws":
            keys.update(k for row in read_rows(root / info["path"]) for k in row.attributes)
    assert "queueType" in keys
    assert sorted(k for k in keys if keep_attribute(k) != k) == []
