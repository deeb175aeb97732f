"""`--fetch-prices missing|all` against a local server in the clouds' own formats: plans made by
Terraform in regions the shipped catalog lacks get every fixed-price component priced; every
kind of failure (server down, 404, 5xx, timeout, a download cut short, a malformed file, a
tampered overlay file) leaves those components unpriced with the reason, exit 0, no partial file."""

from __future__ import annotations

import json
import socket
import time
from decimal import Decimal
from pathlib import Path

import orjson
import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from costgate.model import PriceQuery
from costgate.pricing.fetch import FetchSettings, fetch_scopes
from costgate.pricing.lookup import NoPrice, PriceBook
from costgate.pricing.overlay import OVERLAY_DIRNAME, OVERLAY_MANIFEST, Overlay
from costgate.pricing.scope_index import INDEX_DIRNAME
from costgate.pricing.store import CatalogStore
from tests.helpers import REPO, run_cli
from tests.pricing.price_server import AwsSite, azure_pages, azure_vm_item

REGION_PLANS = REPO / "tests" / "fixtures" / "regions"
BASIC_SERVICES = (
    "AWSELB",
    "AWSLambda",
    "AWSQueueService",
    "AmazonCloudWatch",
    "AmazonDynamoDB",
    "AmazonEC2",
    "AmazonEKS",
    "AmazonElastiCache",
    "AmazonRDS",
)


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private cache dir per test: the overlay must not leak from one test to the next."""
    path = tmp_path / "cache"
    monkeypatch.setenv("COSTGATE_CACHE_DIR", str(path))
    for name in ("COSTGATE_FETCH_PRICES", "COSTGATE_AWS_BASE_URL", "COSTGATE_FETCH_TIMEOUT"):
        monkeypatch.delenv(name, raising=False)
    return path


def _breakdown(region: str, *extra: str) -> tuple[int, dict[str, object], str]:
    result = run_cli(
        "breakdown",
        "--plan",
        str(REGION_PLANS / region / "plan.json"),
        "--format",
        "json",
        "--max-catalog-age-days",
        "0",
        *extra,
    )
    return result.code, (json.loads(result.out) if result.out else {}), result.err


def _fixed(doc: dict[str, object]) -> list[dict[str, object]]:
    """Components with a known monthly quantity (fixed price), after side."""
    return [
        c
        for p in doc["projects"]
        for r in p["resources"]
        for c in r["components"]  # type: ignore[index, union-attr]
        if c["monthly_quantity"] is not None
    ]


def _unit_price(doc: dict[str, object], address: str, name_start: str) -> float:
    for p in doc["projects"]:  # type: ignore[union-attr]
        for r in p["resources"]:
            if r["address"] == address:
                for c in r["components"]:
                    if c["name"].startswith(name_start):
                        return float(c["unit_price"])
    raise AssertionError(f"{address} {name_start} not in the output")


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.mark.parametrize(
    ("region", "m5_hourly", "nat_hourly"),
    [
        ("eu-west-2", 0.1056, 0.0495),  # the server's made-up prices: us-east-1 x 1.1
        ("ap-northeast-2", 0.1152, 0.054),  # x 1.2
    ],
)
def test_missing_prices_are_fetched_and_every_fixed_price_component_priced(
    httpserver: HTTPServer, cache: Path, region: str, m5_hourly: float, nat_hourly: float
) -> None:
    AwsSite(httpserver, (region,)).serve()
    code, offline, _err = _breakdown(region)
    assert code == 0 and any(c["unpriced_reason"] for c in _fixed(offline))  # the shipped catalog lacks the region

    code, doc, err = _breakdown(region, "--fetch-prices", "missing", "--aws-base-url", httpserver.url_for(""))
    assert code == 0, err
    fixed = _fixed(doc)
    assert fixed and [c["name"] for c in fixed if c["unpriced_reason"]] == []
    assert _unit_price(doc, "aws_instance.app", "Instance usage") == pytest.approx(m5_hourly)
    assert _unit_price(doc, "aws_nat_gateway.main", "NAT gateway") == pytest.approx(nat_hourly)
    fetch = doc["fetch"]
    assert fetch["mode"] == "missing"  # type: ignore[index]
    assert set(BASIC_SERVICES) <= {s["service"] for s in fetch["scopes"]}  # type: ignore[index]
    assert {s["status"] for s in fetch["scopes"]} == {"fetched"}  # type: ignore[index]
    assert doc["totals"]["fetched_this_run"] >= len(fixed)  # type: ignore[index]
    sources = {c["price_source"]["source"] for c in fixed}
    assert sources == {"aws-price-list-bulk"} and all(c["price_source"]["fetched_at"] for c in fixed)
    assert "costgate: fetched" in err and region in err

    # the overlay lists every file with source, URL, time and sha256; nothing temporary is left
    listing = orjson.loads((cache / OVERLAY_DIRNAME / OVERLAY_MANIFEST).read_bytes())
    for entry in listing["entries"]:
        assert entry["url"].startswith(httpserver.url_for("")) and entry["source"] == "aws-price-list-bulk"
        assert entry["fetched_at"] and entry["rows"] > 0
        import hashlib

        assert hashlib.sha256((cache / OVERLAY_DIRNAME / entry["path"]).read_bytes()).hexdigest() == entry["sha256"]
    assert not list((cache / OVERLAY_DIRNAME).rglob("*.tmp"))

    # a second run reuses the overlay: no request at all, same prices, nothing "fetched this run"
    httpserver.clear()
    code, again, err = _breakdown(region, "--fetch-prices", "missing", "--aws-base-url", httpserver.url_for(""))
    assert code == 0 and not httpserver.log
    assert [c["unit_price"] for c in _fixed(again)] == [c["unit_price"] for c in fixed]
    assert again["fetch"]["scopes"] == [] and again["totals"]["fetched_this_run"] == 0  # type: ignore[index]


def test_server_down_prints_the_gaps_and_exits_0(cache: Path) -> None:
    down = f"http://127.0.0.1:{_closed_port()}"
    result = run_cli(
        "breakdown",
        "--plan",
        str(REGION_PLANS / "eu-west-2" / "plan.json"),
        "--fetch-prices",
        "missing",
        "--aws-base-url",
        down,
        "--fetch-timeout",
        "20",
        "--max-catalog-age-days",
        "0",
    )
    assert result.code == 0
    assert "Not priced: aws_instance.app Instance usage" in result.out
    assert "fetching aws AmazonEC2 eu-west-2 failed" in result.out and "cannot download price list" in result.out
    assert result.err.count("could not fetch prices") >= len(BASIC_SERVICES)
    assert "Traceback" not in result.err and "internal error" not in result.err
    _code, doc, _err = _breakdown("eu-west-2", "--fetch-prices", "missing", "--aws-base-url", down)
    entry = next(u for u in doc["unpriced"] if u["address"] == "aws_instance.app")  # type: ignore[union-attr]
    assert entry["fetch"]["status"] == "failed" and "ConnectionError" in entry["fetch"]["error"]
    assert {s["status"] for s in doc["fetch"]["scopes"]} == {"failed"}  # type: ignore[index]
    assert not (cache / OVERLAY_DIRNAME / OVERLAY_MANIFEST).exists()


def _cut_short(body: bytes) -> Response:
    resp = Response(body[: len(body) // 2], content_type="text/csv")
    resp.headers["Content-Length"] = str(len(body))
    resp.headers["Connection"] = "close"
    return resp


def _slow(_request: Request) -> Response:
    time.sleep(2.5)
    return Response("too late", content_type="text/csv")


FAILURES = {
    "404": (lambda _r: Response("no such file", status=404), "HTTP 404"),
    "500": (lambda _r: Response("down", status=500), "HTTP 500"),
    "cut short": (None, "cut short"),
    "not a price list": (
        lambda _r: Response("<html>maintenance</html>", content_type="text/html"),
        "not an AWS Price List CSV",
    ),
    "timeout": (_slow, "ReadTimeout"),
}


@pytest.mark.parametrize("failure", sorted(FAILURES))
def test_a_failed_fetch_leaves_its_scope_unpriced_and_keeps_no_file(
    httpserver: HTTPServer, cache: Path, failure: str
) -> None:
    from tests.pricing.price_server import aws_csv, aws_products

    handler, message = FAILURES[failure]
    if handler is None:
        body = aws_csv("AmazonEC2", "eu-west-2", aws_products())
        handler = lambda _r: _cut_short(body)  # noqa: E731
    AwsSite(httpserver, ("eu-west-2",), csv_override={("AmazonEC2", "eu-west-2"): handler}).serve()
    settings = ["--fetch-prices", "missing", "--aws-base-url", httpserver.url_for("")]
    if failure == "timeout":
        settings += ["--fetch-timeout", "1.5"]
    code, doc, err = _breakdown("eu-west-2", *settings)
    assert code == 0, err
    ec2 = [u for u in doc["unpriced"] if "AmazonEC2" in u["query"]]  # type: ignore[union-attr]
    assert ec2 and all(u["fetch"]["status"] == "failed" and message in u["fetch"]["error"] for u in ec2)
    statuses = {s["service"]: s["status"] for s in doc["fetch"]["scopes"]}  # type: ignore[index]
    assert statuses["AmazonEC2"] == "failed"
    if failure != "timeout":  # the other services are fetched and priced
        assert statuses["AmazonRDS"] == "fetched"
        assert not [u for u in doc["unpriced"] if "AmazonRDS/Database Instance" in u["query"]]  # type: ignore[union-attr]
    listing = (
        orjson.loads((cache / OVERLAY_DIRNAME / OVERLAY_MANIFEST).read_bytes())
        if (cache / OVERLAY_DIRNAME / OVERLAY_MANIFEST).exists()
        else {"entries": []}
    )
    assert "AmazonEC2" not in {e["service"] for e in listing["entries"]}
    assert not list((cache / OVERLAY_DIRNAME).rglob("*.tmp")) and not list(
        (cache / OVERLAY_DIRNAME).rglob("AmazonEC2/*")
    )


def test_a_tampered_overlay_file_is_never_used(httpserver: HTTPServer, cache: Path) -> None:
    AwsSite(httpserver, ("eu-west-2",)).serve()
    code, _first, _err = _breakdown("eu-west-2", "--fetch-prices", "missing", "--aws-base-url", httpserver.url_for(""))
    assert code == 0
    import gzip

    ec2 = next((cache / OVERLAY_DIRNAME).rglob("AmazonEC2/eu-west-2.jsonl.gz"))
    ec2.write_bytes(gzip.compress(gzip.decompress(ec2.read_bytes()).replace(b'"0.1056"', b'"0.0001"')))
    for index in (cache / INDEX_DIRNAME).glob("*.sqlite"):  # and no index built from it yet
        index.unlink()
    down = f"http://127.0.0.1:{_closed_port()}"
    code, doc, _err = _breakdown("eu-west-2", "--fetch-prices", "missing", "--aws-base-url", down)
    assert code == 0
    prices = [c["unit_price"] for c in _fixed(doc)]
    assert 0.0001 not in prices
    assert any(u["address"] == "aws_instance.app" for u in doc["unpriced"])  # type: ignore[union-attr]
    code, doc, _err = _breakdown("eu-west-2", "--fetch-prices", "missing", "--aws-base-url", httpserver.url_for(""))
    assert _unit_price(doc, "aws_instance.app", "Instance usage") == pytest.approx(0.1056)  # fetched again


def test_fetched_prices_are_reused_until_the_age_limit(httpserver: HTTPServer, cache: Path) -> None:
    AwsSite(httpserver, ("eu-west-2",)).serve()
    base = httpserver.url_for("")
    assert _breakdown("eu-west-2", "--fetch-prices", "missing", "--aws-base-url", base)[0] == 0
    path = cache / OVERLAY_DIRNAME / OVERLAY_MANIFEST
    listing = orjson.loads(path.read_bytes())
    for entry in listing["entries"]:
        entry["fetched_at"] = "2026-01-01T00:00:00+00:00"
    path.write_bytes(orjson.dumps(listing))
    httpserver.clear_log()
    result = run_cli(
        "breakdown",
        "--plan",
        str(REGION_PLANS / "eu-west-2" / "plan.json"),
        "--format",
        "json",
        "--fetch-prices",
        "missing",
        "--aws-base-url",
        base,
        "--max-catalog-age-days",
        "30",
    )
    assert result.code == 0
    doc = json.loads(result.out)
    assert len(doc["fetch"]["scopes"]) >= len(BASIC_SERVICES) and httpserver.log  # too old: fetched again


def test_never_is_offline_and_the_environment_selects_fetching(
    httpserver: HTTPServer, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    AwsSite(httpserver, ("eu-west-2",)).serve()
    code, doc, _err = _breakdown("eu-west-2")
    assert code == 0 and doc["fetch"] is None and not httpserver.log
    absent = [u for u in doc["unpriced"] if "prices for region eu-west-2" in u["reason"]]  # type: ignore[union-attr]
    assert absent and all("--fetch-prices missing" in u["hint"] for u in absent)  # the way to a price, offline
    monkeypatch.setenv("COSTGATE_FETCH_PRICES", "missing")
    monkeypatch.setenv("COSTGATE_AWS_BASE_URL", httpserver.url_for(""))
    code, doc, _err = _breakdown("eu-west-2")
    assert code == 0 and doc["fetch"]["mode"] == "missing" and doc["totals"]["fetched_this_run"] > 0  # type: ignore[index]
    code, doc, _err = _breakdown("eu-west-2", "--fetch-prices", "never")  # the flag wins over the environment
    assert doc["fetch"] is None and any(c["unpriced_reason"] for c in _fixed(doc))
    monkeypatch.setenv("COSTGATE_FETCH_PRICES", "sometimes")
    result = run_cli("breakdown", "--plan", str(REGION_PLANS / "eu-west-2" / "plan.json"))
    assert result.code == 2 and result.err.count("\n") == 1 and "COSTGATE_FETCH_PRICES" in result.err


def test_all_fetches_every_scope_and_prefers_fetched_prices(
    httpserver: HTTPServer, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    AwsSite(httpserver, ("us-east-1",)).serve()
    plan = REPO / "examples" / "basic" / "plan.json"
    result = run_cli(
        "breakdown",
        "--plan",
        str(plan),
        "--format",
        "json",
        "--fetch-prices",
        "all",
        "--aws-base-url",
        httpserver.url_for(""),
        "--max-catalog-age-days",
        "0",
    )
    assert result.code == 0, result.err
    doc = json.loads(result.out)
    assert "AmazonEC2" in {s["service"] for s in doc["fetch"]["scopes"] if s["status"] == "fetched"}
    assert _unit_price(doc, "aws_instance.app", "Instance usage") == pytest.approx(0.096)
    app = next(
        c
        for p in doc["projects"]
        for r in p["resources"]
        if r["address"] == "aws_instance.app"
        for c in r["components"]
        if c["name"].startswith("Instance usage")
    )
    assert app["price_source"]["source"] == "aws-price-list-bulk"  # the fetched row, not the shipped one


def test_azure_scope_is_fetched_page_by_page(httpserver: HTTPServer, tmp_path: Path, seed_catalog: Path) -> None:
    azure_pages(
        httpserver,
        service="Virtual Machines",
        region="newzealandnorth",
        items=[
            azure_vm_item("newzealandnorth", "Standard_D2s_v5", "0.115"),
            azure_vm_item("newzealandnorth", "Standard_D2s_v5", "0.023", spot=True),
            azure_vm_item("newzealandnorth", "Standard_D4s_v5", "0.23"),
        ],
    )
    store = CatalogStore.open(seed_catalog, cache=tmp_path / "cache")  # Azure: eastus only
    query = PriceQuery.of(
        "azure",
        "Virtual Machines",
        "Compute",
        "newzealandnorth",
        {"armSkuName": "Standard_D2s_v5", "operatingSystem": "Linux"},
        unit="1 Hour",
    )
    assert isinstance(PriceBook(store).lookup(query), NoPrice)
    store.overlay = Overlay(store.cache, max_age_days=0)
    report = fetch_scopes(
        [("azure", "Virtual Machines", "newzealandnorth")],
        store.overlay,
        FetchSettings(mode="missing", timeout=30, azure_base_url=httpserver.url_for("").rstrip("/")),
    )
    assert [(s.status, s.rows) for s in report.scopes] == [("fetched", 3)]
    price = PriceBook(store).lookup(query)
    assert getattr(price, "unit_price", None) == Decimal("0.115") and getattr(price, "fetched_at", "")


def test_costgate_yml_turns_fetching_on_for_check(httpserver: HTTPServer, cache: Path, tmp_path: Path) -> None:
    AwsSite(httpserver, ("eu-west-2",)).serve()
    config = tmp_path / "costgate.yml"
    config.write_text("version: 1\ncatalog:\n  fetch_prices: missing\n  fetch_timeout: 30\n")
    result = run_cli(
        "check",
        "--plan",
        str(REGION_PLANS / "eu-west-2" / "plan.json"),
        "--config",
        str(config),
        "--format",
        "json",
        "--aws-base-url",
        httpserver.url_for(""),
        "--max-catalog-age-days",
        "0",
    )
    assert result.code in (0, 1), result.err
    estimate = json.loads(result.out)["estimate"]
    assert estimate["fetch"]["mode"] == "missing" and estimate["totals"]["fetched_this_run"] > 0
    assert [c["name"] for c in _fixed(estimate) if c["unpriced_reason"]] == []
    config.write_text("version: 1\ncatalog:\n  fetch_prices: sometimes\n")
    bad = run_cli("check", "--plan", str(REGION_PLANS / "eu-west-2" / "plan.json"), "--config", str(config))
    assert bad.code == 2 and "fetch_prices" in bad.err and bad.err.count("\n") == 1


def test_gcp_scope_is_fetched_from_pricing_yml_without_a_key(
    httpserver: HTTPServer, tmp_path: Path, seed_catalog: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.pricing.conftest import PRICES

    httpserver.expect_request("/pricing.yml").respond_with_data((PRICES / "gcp" / "pricing.yml").read_bytes())
    monkeypatch.setenv("COSTGATE_GCP_PRICING_YML_URL", httpserver.url_for("/pricing.yml"))
    from costgate.pricing.fetch import resolve_settings

    store = CatalogStore.open(seed_catalog, cache=tmp_path / "cache")  # Google: us-central1 only
    query = PriceQuery.of(
        "google",
        "Compute Engine",
        "Compute",
        "europe-west1",
        {"machineType": "e2-standard-2", "usageType": "OnDemand"},
        unit="h",
    )
    miss = PriceBook(store).lookup(query)
    assert isinstance(miss, NoPrice) and miss.kind == "no_product"
    store.overlay = Overlay(store.cache, max_age_days=0)
    report = fetch_scopes(
        [("google", "Compute Engine", "europe-west1")], store.overlay, resolve_settings(mode="missing")
    )
    assert [s.status for s in report.scopes] == ["fetched"] and report.scopes[0].source == "cyclenerd-gcp"
    price = PriceBook(store).lookup(query)
    assert getattr(price, "unit_price", None) == Decimal("0.07372")
    listing = orjson.loads((store.cache / OVERLAY_DIRNAME / OVERLAY_MANIFEST).read_bytes())
    assert {e["region"] for e in listing["entries"]} == {"europe-west1"}  # only the scope asked for


@pytest.mark.parametrize("region", ["eu-west-2", "ap-northeast-2"])
def test_region_plans_are_examples_basic_in_another_region(region: str) -> None:
    """The plans come from scripts/make_region_plans.py (examples/basic, region changed, planned by
    Terraform); when examples/basic changes, rerun it. This notices a stale copy without Terraform."""
    basic = json.loads((REPO / "examples" / "basic" / "plan.json").read_text())
    regional = json.loads((REGION_PLANS / region / "plan.json").read_text())

    def changes(plan: dict[str, object]) -> list[tuple[str, str, tuple[str, ...]]]:
        return sorted(
            (c["address"], c["type"], tuple(c["change"]["actions"]))  # type: ignore[index]
            for c in plan["resource_changes"]
        )  # type: ignore[union-attr]

    assert changes(regional) == changes(basic)
    provider = regional["configuration"]["provider_config"]["aws"]["expressions"]["region"]["constant_value"]
    assert provider == region and "us-east-1" not in json.dumps(regional)
