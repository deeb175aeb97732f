"""`costgate whatif` on examples/basic with `--fetch-prices missing` from a local server in AWS's
own Price List format: the regions the shipped catalog lacks are fetched through the same
machinery as `breakdown`, ranked by their (made-up, per-region) prices, and what the server does
not sell is listed as not priced there."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from tests.helpers import EXAMPLE_PLAN, run_cli
from tests.pricing.price_server import AwsSite

REGIONS = ("ca-central-1", "ap-northeast-2", "eu-north-1")  # the server's made-up factors: x1.05, x1.2, x0.95


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private cache dir: the fetched overlay must not leak into other tests."""
    path = tmp_path / "cache"
    monkeypatch.setenv("COSTGATE_CACHE_DIR", str(path))
    for name in ("COSTGATE_FETCH_PRICES", "COSTGATE_AWS_BASE_URL", "COSTGATE_FETCH_TIMEOUT"):
        monkeypatch.delenv(name, raising=False)
    return path


def _whatif(server: HTTPServer, *extra: str) -> tuple[int, dict[str, object], str]:
    result = run_cli(
        "whatif",
        "--plan",
        str(EXAMPLE_PLAN),
        "--region",
        ",".join(REGIONS),
        "--format",
        "json",
        "--fetch-prices",
        "missing",
        "--aws-base-url",
        server.url_for(""),
        "--max-catalog-age-days",
        "0",
        *extra,
    )
    return result.code, (json.loads(result.out) if result.out else {}), result.err


def test_fetched_regions_are_ranked_by_their_prices(httpserver: HTTPServer, cache: Path) -> None:
    AwsSite(httpserver, REGIONS).serve()
    code, doc, err = _whatif(httpserver)
    assert code == 0, err
    regions = doc["regions"]
    assert [r["region"] for r in regions] == ["eu-north-1", "ca-central-1", "ap-northeast-2"]  # type: ignore[index]
    assert all(r["rank"] == i for i, r in enumerate(regions, 1))  # type: ignore[index]
    # the server's prices are its us-east-1 prices times 0.95, 1.05 and 1.2: so are the totals of the same components
    totals = [r["like_for_like_total"] for r in regions]  # type: ignore[index]
    assert totals[1] == pytest.approx(totals[0] / 0.95 * 1.05) and totals[2] == pytest.approx(totals[0] / 0.95 * 1.2)
    assert all(r["resources_repriced"] == 15 and r["kept"] == [] for r in regions)  # type: ignore[index]
    # the same components in the ranking; every fetched scope was said on stderr
    assert len({r["like_for_like_total"] is not None for r in regions}) == 1  # type: ignore[index]
    for region in REGIONS:
        assert f"AmazonEC2 {region}" in err
    # what the server does not sell is listed per region, with the reason
    gaps = {(u["address"], u["component"]) for u in regions[0]["unpriced"]}  # type: ignore[index]
    assert ("aws_dynamodb_table.sessions", "On-demand backup storage") in gaps
    reasons = {u["reason"] for u in regions[0]["unpriced"]}  # type: ignore[index]
    assert all(reason for reason in reasons)


def test_instance_in_a_fetched_region_swaps_to_graviton_only_where_priced(httpserver: HTTPServer, cache: Path) -> None:
    AwsSite(httpserver, REGIONS).serve()  # the server sells no Graviton type at all
    code, doc, err = _whatif(httpserver, "--swap", "instance-family=graviton")
    assert code == 0, err
    for region in doc["regions"]:  # type: ignore[union-attr]
        app = next(s for s in region["swaps"] if s["address"] == "aws_instance.app")
        assert app["to"] is None and app["monthly_saving"] is None
        assert "m6g.large" in app["reason"] and "m7g.large" in app["reason"]
    assert doc["regions"][0]["monthly_total_with_swaps"] == doc["regions"][0]["monthly_total"]  # type: ignore[index]
