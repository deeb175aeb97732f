"""--free-tier: always-free allowances are subtracted once per estimate, first units first."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

from costgate.estimate import CatalogInfo, Estimate, build_project
from costgate.free_tier import apply_free_tier
from costgate.model import Action, Address, Resource
from costgate.pricing.lookup import PriceBook
from costgate.pricing.store import CatalogStore
from costgate.resources.base import Usage
from tests.helpers import EXAMPLE_PLAN, run_cli


def _lambda(name: str) -> Resource:
    return Resource(
        address=Address(f"aws_lambda_function.{name}"),
        type="aws_lambda_function",
        name=name,
        provider="aws",
        region="us-east-1",
        action=Action.CREATE,
        values={"memory_size": 1024, "architectures": ["x86_64"]},
    )


def test_allowance_is_shared_by_the_whole_estimate() -> None:
    book = PriceBook(CatalogStore.open())
    usage = {
        "aws_lambda_function.a": Usage({"monthly_requests": 700_000, "request_duration_ms": 1000}),
        "aws_lambda_function.b": Usage({"monthly_requests": 700_000, "request_duration_ms": 1000}),
    }
    project = build_project("p", "p", [_lambda("a"), _lambda("b")], book, usage=lambda r: usage[r.address])
    est = Estimate(projects=(project,), catalog=CatalogInfo("c", "d", "b"))
    freed, used = apply_free_tier(est)
    req = {r.address: next(c for c in r.components if c.name == "Requests") for r in freed.projects[0].resources}
    dur = {r.address: next(c for c in r.components if c.name == "Duration") for r in freed.projects[0].resources}
    per_million = req["aws_lambda_function.a"].unit_price
    assert per_million is not None
    # a takes 700k free requests, b the remaining 300k: 400k billable requests in all
    assert req["aws_lambda_function.a"].monthly_cost == 0
    assert req["aws_lambda_function.b"].monthly_cost == Decimal("0.4") * per_million
    assert used["Lambda requests"] == 1_000_000
    # duration: 700k GB-s each; 400k free in all, a uses it up
    gbs_price = dur["aws_lambda_function.b"].unit_price
    assert gbs_price is not None
    assert dur["aws_lambda_function.a"].monthly_cost == 300_000 * gbs_price
    assert dur["aws_lambda_function.b"].monthly_cost == 700_000 * gbs_price
    before = sum((c.monthly_cost or 0) for r in project.resources for c in r.components)
    after = sum((c.monthly_cost or 0) for r in freed.projects[0].resources for c in r.components)
    assert before - after == per_million + 400_000 * gbs_price


def test_free_tier_flag_in_cli(tmp_path: Path) -> None:
    usage = tmp_path / "u.yml"
    usage.write_text(
        "version: 0.1\nresource_usage:\n  aws_lambda_function.api: {monthly_requests: 3000000, request_duration_ms: 100}\n"
    )
    plain = json.loads(
        run_cli("breakdown", "--plan", str(EXAMPLE_PLAN), "--usage-file", str(usage), "--format", "json").out
    )
    freed = json.loads(
        run_cli(
            "breakdown", "--plan", str(EXAMPLE_PLAN), "--usage-file", str(usage), "--format", "json", "--free-tier"
        ).out
    )
    assert plain["free_tier"] == {}
    assert freed["free_tier"]["Lambda requests"] == 1_000_000
    lam = next(r for r in freed["projects"][0]["resources"] if r["address"] == "aws_lambda_function.api")
    requests = next(c for c in lam["components"] if c["name"] == "Requests")
    assert requests["free_tier_quantity"] == 1 and requests["monthly_cost"] == 0.4
    assert freed["totals"]["after"] < plain["totals"]["after"]
