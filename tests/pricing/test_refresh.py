"""`catalog refresh` end to end against a local HTTP server serving price lists in the
clouds' own formats: paging, 429 and 500 then success, a download cut short and a tampered
catalog file (both leave the previous catalog exactly as it was)."""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Response

from costgate.errors import CatalogError
from costgate.model import PriceQuery
from costgate.pricing.lookup import PriceBook
from costgate.pricing.manifest import load_manifest
from costgate.pricing.refresh.http import HttpClient
from costgate.pricing.refresh.progress import NullProgress
from costgate.pricing.refresh.run import RefreshRequest, refresh
from costgate.pricing.store import CatalogStore, default_data_dir
from tests.helpers import run_cli
from tests.pricing.conftest import PRICES, snapshot

EC2_CSV_PATH = "/offers/v1.0/aws/AmazonEC2/20261120180211/us-east-1/index.csv"
AZURE_FILTER = "serviceName eq 'Virtual Machines' and armRegionName eq 'eastus'"


class Sleeps(list[float]):
    """An injectable sleep that records instead of waiting."""

    def __call__(self, seconds: float) -> None:
        self.append(seconds)


def client(sleeps: Sleeps | None = None) -> HttpClient:
    return HttpClient(timeout=(2.0, 2.0), retries=3, backoff=0.5, sleep=sleeps if sleeps is not None else Sleeps())


def serve_aws(server: HTTPServer, csv_body: bytes | None = None) -> None:
    server.expect_request("/offers/v1.0/aws/index.json").respond_with_data(
        (PRICES / "aws" / "offer_index.json").read_bytes(), content_type="application/json"
    )
    server.expect_request("/offers/v1.0/aws/AmazonEC2/current/region_index.json").respond_with_data(
        (PRICES / "aws" / "region_index_ec2.json").read_bytes(), content_type="application/json"
    )
    if csv_body is not None:
        server.expect_request(EC2_CSV_PATH).respond_with_data(csv_body, content_type="text/csv")


def serve_azure(server: HTTPServer) -> None:
    base = server.url_for("").rstrip("/")
    page1 = (PRICES / "azure" / "retail_vm_eastus_page1.json").read_text().replace("{BASE}", base)
    page2 = (PRICES / "azure" / "retail_vm_eastus_page2.json").read_text()
    query = {"api-version": "2023-01-01-preview", "$filter": AZURE_FILTER}
    server.expect_request("/api/retail/prices", query_string={**query, "$skip": "100"}).respond_with_data(
        page2, content_type="application/json"
    )
    server.expect_request("/api/retail/prices", query_string=query).respond_with_data(
        page1, content_type="application/json"
    )


def aws_request(server: HTTPServer, **kw: object) -> RefreshRequest:
    return RefreshRequest(
        providers=("aws",),
        services=("AmazonEC2",),
        regions=("us-east-1",),
        aws_source="bulk",
        aws_base_url=server.url_for("").rstrip("/"),
        **kw,
    )  # type: ignore[arg-type]


def ec2_linux_query(itype: str) -> PriceQuery:
    return PriceQuery(
        provider="aws",
        service="AmazonEC2",
        region="us-east-1",
        product_family="Compute Instance",
        attributes=(
            ("instanceType", itype),
            ("operatingSystem", "Linux"),
            ("tenancy", "Shared"),
            ("preInstalledSw", "NA"),
            ("capacitystatus", "Used"),
            ("licenseModel", "No License required"),
        ),
        purchase_option="on_demand",
        unit="Hrs",
    )


def test_aws_bulk_refresh_replaces_only_the_refreshed_scope(httpserver: HTTPServer, seed_catalog: Path) -> None:
    serve_aws(httpserver, (PRICES / "aws" / "AmazonEC2_us-east-1.csv").read_bytes())
    before = snapshot(seed_catalog)
    manifest, report = refresh(aws_request(httpserver), seed_catalog, http=client(), progress=NullProgress())
    after = snapshot(seed_catalog)
    untouched = [p for p in before if not p.startswith("aws/AmazonEC2/us-east-1") and p != "manifest.json"]
    assert untouched and all(after[p] == before[p] for p in untouched)
    assert report.rows_by_scope == {("aws", "AmazonEC2", "us-east-1"): 8}
    assert "aws-price-list-bulk" in {s.id for s in manifest.sources}
    (info,) = [f for f in manifest.files if f.path.startswith("aws/AmazonEC2/us-east-1")]
    assert info.sources == ["aws-price-list-bulk"] and info.price_date == "2026-11-20"
    assert manifest.price_date == "2026-11-20"
    book = PriceBook(CatalogStore.open(seed_catalog))
    price = book.lookup(ec2_linux_query("m5.large"))
    assert getattr(price, "unit_price", None) == Decimal("0.096")  # the seed said 0.090: the fresh list wins
    assert getattr(book.lookup(ec2_linux_query("t3.micro")), "reason", "")  # not in the fresh list: honest miss
    assert not list(seed_catalog.parent.glob(".pricing_data-*"))


def test_azure_paging_and_429_then_success(httpserver: HTTPServer, seed_catalog: Path) -> None:
    query = {"api-version": "2023-01-01-preview", "$filter": AZURE_FILTER}
    httpserver.expect_oneshot_request("/api/retail/prices", query_string=query).respond_with_data(
        "slow down", status=429, headers={"Retry-After": "7"}
    )
    serve_azure(httpserver)
    sleeps = Sleeps()
    request = RefreshRequest(
        providers=("azure",),
        services=("Virtual Machines",),
        regions=("eastus",),
        azure_base_url=httpserver.url_for("").rstrip("/"),
    )
    manifest, report = refresh(request, seed_catalog, http=client(sleeps), today="2026-11-27")
    assert sleeps == [7.0]  # Retry-After honoured
    assert report.rows_by_scope == {("azure", "Virtual Machines", "eastus"): 6}  # both pages, dev/test dropped
    store = CatalogStore.open(seed_catalog)
    found = store.search(
        "azure", "Virtual Machines", "eastus", [("armSkuName", "Standard_D2s_v3"), ("operatingSystem", "Linux")]
    )
    assert sorted((p.purchase_option, p.price) for p in found) == [
        ("low_priority", Decimal("0.0192")),
        ("on_demand", Decimal("0.096")),
        ("reserved", Decimal("504")),
        ("spot", Decimal("0.01917")),
    ]
    assert {f.price_date for f in manifest.files if f.provider == "azure"} == {"2026-11-27"}


def test_500_then_success_backs_off(httpserver: HTTPServer, seed_catalog: Path) -> None:
    httpserver.expect_oneshot_request(EC2_CSV_PATH).respond_with_data("oops", status=500)
    httpserver.expect_oneshot_request(EC2_CSV_PATH).respond_with_data("oops", status=503)
    serve_aws(httpserver, (PRICES / "aws" / "AmazonEC2_us-east-1.csv").read_bytes())
    sleeps = Sleeps()
    _manifest, report = refresh(aws_request(httpserver), seed_catalog, http=client(sleeps))
    assert sleeps == [0.5, 1.0]  # exponential backoff without Retry-After
    assert report.rows_by_scope[("aws", "AmazonEC2", "us-east-1")] == 8


def test_persistent_500_fails_and_keeps_the_catalog(httpserver: HTTPServer, seed_catalog: Path) -> None:
    serve_aws(httpserver)
    httpserver.expect_request(EC2_CSV_PATH).respond_with_data("down", status=500)
    before = snapshot(seed_catalog)
    with pytest.raises(CatalogError, match="HTTP 500"):
        refresh(aws_request(httpserver), seed_catalog, http=client())
    assert snapshot(seed_catalog) == before


def _cut_short(body: bytes) -> Response:
    """Promise the whole file, send 40 % of it, then close the connection."""
    resp = Response(body[: len(body) * 2 // 5], content_type="text/csv")
    resp.headers["Content-Length"] = str(len(body))
    resp.headers["Connection"] = "close"
    return resp


def test_download_cut_short_keeps_the_previous_catalog(httpserver: HTTPServer, seed_catalog: Path) -> None:
    body = (PRICES / "aws" / "AmazonEC2_us-east-1.csv").read_bytes()
    serve_aws(httpserver)
    httpserver.expect_request(EC2_CSV_PATH).respond_with_handler(lambda _req: _cut_short(body))
    before = snapshot(seed_catalog)
    with pytest.raises(CatalogError, match="download was cut short"):
        refresh(aws_request(httpserver), seed_catalog, http=client())
    assert snapshot(seed_catalog) == before
    assert not list(seed_catalog.parent.glob(".pricing_data-*")), "temporary folder left behind"


def test_interrupted_refresh_keeps_the_previous_catalog(httpserver: HTTPServer, seed_catalog: Path) -> None:
    serve_aws(httpserver, (PRICES / "aws" / "AmazonEC2_us-east-1.csv").read_bytes())

    class Interrupting(NullProgress):
        def advance(self, task: int, amount: float) -> None:
            raise KeyboardInterrupt

    before = snapshot(seed_catalog)
    with pytest.raises(KeyboardInterrupt):
        refresh(aws_request(httpserver), seed_catalog, http=client(), progress=Interrupting())
    assert snapshot(seed_catalog) == before
    assert not list(seed_catalog.parent.glob(".pricing_data-*"))


def test_tampered_catalog_file_refuses_the_refresh(httpserver: HTTPServer, seed_catalog: Path) -> None:
    serve_aws(httpserver, (PRICES / "aws" / "AmazonEC2_us-east-1.csv").read_bytes())
    victim = seed_catalog / "azure" / "Virtual Machines" / "eastus.jsonl"
    victim.write_text(victim.read_text().replace('"0.1"', '"0.01"'))
    before = snapshot(seed_catalog)
    with pytest.raises(CatalogError, match="sha256") as err:
        refresh(aws_request(httpserver), seed_catalog, http=client())
    assert str(victim) in str(err.value)
    assert snapshot(seed_catalog) == before


def test_gcp_billing_catalog_with_key(
    httpserver: HTTPServer, seed_catalog: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GOOGLE_API_KEY", "secret-key-123")
    httpserver.expect_request(
        "/v1/services", query_string={"key": "secret-key-123", "pageSize": "5000"}
    ).respond_with_data((PRICES / "gcp" / "billing_services.json").read_bytes(), content_type="application/json")
    skus = "/v1/services/6F81-5844-456A/skus"
    base_q = {"key": "secret-key-123", "currencyCode": "USD", "pageSize": "5000"}
    httpserver.expect_request(skus, query_string={**base_q, "pageToken": "page-2"}).respond_with_data(
        (PRICES / "gcp" / "billing_skus_compute_page2.json").read_bytes(), content_type="application/json"
    )
    httpserver.expect_request(skus, query_string=base_q).respond_with_data(
        (PRICES / "gcp" / "billing_skus_compute_page1.json").read_bytes(), content_type="application/json"
    )
    request = RefreshRequest(
        providers=("google",), services=("Compute Engine",), gcp_base_url=httpserver.url_for("").rstrip("/")
    )
    manifest, report = refresh(request, seed_catalog, http=client(), today="2026-11-27")
    assert report.rows_by_scope == {
        ("google", "Compute Engine", "us-central1"): 6,
        ("google", "Compute Engine", "us-east1"): 1,
    }
    assert "gcp-cloud-billing-catalog" in {s.id for s in manifest.sources}
    assert "secret-key-123" not in (seed_catalog / "manifest.json").read_text()
    store = CatalogStore.open(seed_catalog)
    (ram,) = store.search("google", "Compute Engine", "us-central1", [("resourceGroup", "RAM")])
    assert ram.price == Decimal("0.00292353") and ram.unit == "GiBy.h"


def test_gcp_api_error_never_prints_the_key(
    httpserver: HTTPServer, seed_catalog: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COSTGATE_GCP_API_KEY", "secret-key-456")
    httpserver.expect_request("/v1/services").respond_with_data("forbidden", status=403)
    request = RefreshRequest(
        providers=("google",), services=("Compute Engine",), gcp_base_url=httpserver.url_for("").rstrip("/")
    )
    with pytest.raises(CatalogError, match="HTTP 403") as err:
        refresh(request, seed_catalog, http=client())
    assert "secret-key-456" not in str(err.value)


def test_gcp_without_key_uses_pricing_yml(httpserver: HTTPServer, seed_catalog: Path) -> None:
    httpserver.expect_request("/pricing.yml").respond_with_data((PRICES / "gcp" / "pricing.yml").read_bytes())
    request = RefreshRequest(
        providers=("google",), regions=("us-central1",), gcp_pricing_yml_url=httpserver.url_for("/pricing.yml")
    )
    manifest, _report = refresh(request, seed_catalog, http=client())
    store = CatalogStore.open(seed_catalog)
    found = store.search(
        "google", "Compute Engine", "us-central1", [("machineType", "e2-standard-2"), ("usageType", "OnDemand")]
    )
    assert [p.price for p in found] == [Decimal("0.06701142")]
    (src,) = [s for s in manifest.sources if s.id == "cyclenerd-gcp"]
    assert src.price_date == "2026-11-20"  # from the file's own timestamp
    assert {p.region for p in store.search("google", None, None, [], limit=1000)} == {"us-central1", "global"}


def test_cli_refresh_with_progress_bar(httpserver: HTTPServer, seed_catalog: Path) -> None:
    serve_aws(httpserver, (PRICES / "aws" / "AmazonEC2_us-east-1.csv").read_bytes())
    result = run_cli(
        "catalog",
        "refresh",
        "--catalog-dir",
        str(seed_catalog),
        "--provider",
        "aws",
        "--aws-source",
        "bulk",
        "--services",
        "AmazonEC2",
        "--regions",
        "us-east-1",
        "--aws-base-url",
        httpserver.url_for("").rstrip("/"),
    )
    assert result.code == 0, result.err
    manifest = load_manifest(seed_catalog)
    assert f"catalog {manifest.catalog_id} (price date 2026-11-20)" in result.out
    assert "aws    AmazonEC2" in result.out and "aws-price-list-bulk" in result.out


def test_cli_refresh_failure_is_one_line_exit_2(httpserver: HTTPServer, seed_catalog: Path) -> None:
    serve_aws(httpserver)
    httpserver.expect_request(EC2_CSV_PATH).respond_with_data("gone", status=404)
    result = run_cli(
        "catalog",
        "refresh",
        "--catalog-dir",
        str(seed_catalog),
        "--provider",
        "aws",
        "--aws-source",
        "bulk",
        "--services",
        "AmazonEC2",
        "--regions",
        "us-east-1",
        "--aws-base-url",
        httpserver.url_for("").rstrip("/"),
        "--no-progress",
    )
    assert result.code == 2
    assert result.err.strip().count("\n") == 0 and "HTTP 404" in result.err and EC2_CSV_PATH in result.err


def test_refreshed_catalog_prices_the_example_plan_like_the_shipped_one(httpserver: HTTPServer, tmp_path: Path) -> None:
    """Where the fresh list and the shipped catalog agree (m5.large, gp3, NAT gateway in
    us-east-1), the same plan gets the same prices from both."""
    from costgate.pipeline import estimate_plans
    from tests.helpers import EXAMPLE_PLAN

    shipped = default_data_dir()
    copy = tmp_path / "pricing_data"
    shutil.copytree(shipped, copy)
    serve_aws(httpserver, (PRICES / "aws" / "AmazonEC2_us-east-1.csv").read_bytes())
    refresh(aws_request(httpserver), copy, http=client())

    def prices(root: Path) -> dict[tuple[str, str], Decimal]:
        est = estimate_plans([EXAMPLE_PLAN], store=CatalogStore.open(root))
        return {
            (rc.resource.address, c.name): c.unit_price
            for p in est.projects
            for rc in p.resources
            for c in rc.components
            if c.unit_price is not None
        }

    old, new = prices(shipped), prices(copy)
    wanted = [
        ("aws_instance.app", "Instance usage (Linux/UNIX, on-demand, m5.large)"),
        ("aws_instance.app", "Storage (general purpose SSD, gp3)"),
        ("aws_nat_gateway.main", "NAT gateway"),
    ]
    for key in wanted:
        assert key in old and key in new, key
        assert old[key] == new[key], key
    assert new[("aws_instance.app", "Instance usage (Linux/UNIX, on-demand, m5.large)")] == Decimal("0.096")
