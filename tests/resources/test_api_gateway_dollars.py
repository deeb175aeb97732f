"""API Gateway requests priced end to end, in dollars: a wrong divisor or a wrong tier fails here.

AWS's us-east-1 list: REST APIs $3.50 per million requests for the first 333M a month; HTTP APIs
$1.00 per million for the first 300M, a request counted per 512 KB; WebSocket $1.00 per million
messages (per 32 KB) for the first 1B and $0.25 per million connection minutes. The shipped
catalog holds those first tiers only: what lies past one is listed as not priced, never priced
at the first tier's rate.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import FIXTURES, run_cli

AWS = FIXTURES / "resources" / "aws"


def _components(tmp_path: Path, plan: Path, address: str, usage: str) -> dict[str, Any]:
    path = tmp_path / "usage.yml"
    path.write_text(f"version: 0.1\nresource_usage:\n  {address}:\n    {usage}\n")
    result = run_cli(
        "breakdown", "--plan", str(plan), "--usage-file", str(path), "--format", "json", "--max-catalog-age-days", "0"
    )
    assert result.code == 0, result.err
    doc = json.loads(result.out)
    resource = next(r for r in doc["projects"][0]["resources"] if r["address"] == address)
    return {c["name"]: c for c in resource["components"]}


def _cost(component: dict[str, Any]) -> Decimal | None:
    cost = component["monthly_cost"]
    return None if cost is None else Decimal(str(cost))


@pytest.mark.parametrize(
    ("requests", "cost"),
    [
        ("1000000", "3.50"),
        ("100000000", "350.00"),
        ("333000000", "1165.50"),
    ],
)
def test_rest_api_requests_first_tier(tmp_path: Path, requests: str, cost: str) -> None:
    comps = _components(
        tmp_path,
        AWS / "api_gateway_rest_api" / "plan.json",
        "aws_api_gateway_rest_api.with_usage",
        f"monthly_requests: {requests}",
    )
    assert list(comps) == ["Requests"]
    assert _cost(comps["Requests"]) == Decimal(cost)


def test_rest_api_requests_past_the_first_tier_are_split(tmp_path: Path) -> None:
    comps = _components(
        tmp_path,
        AWS / "api_gateway_rest_api" / "plan.json",
        "aws_api_gateway_rest_api.with_usage",
        "monthly_requests: 500000000",
    )
    first = next(c for name, c in comps.items() if name.startswith("Requests (first"))
    over = next(c for name, c in comps.items() if name.startswith("Requests (over"))
    assert Decimal(str(first["monthly_quantity"])) == Decimal(333)
    assert _cost(first) == Decimal("1165.50")
    assert Decimal(str(over["monthly_quantity"])) == Decimal(167)
    assert _cost(over) is None  # not priced at the first tier's $3.50


def test_http_api_requests_count_512_kb_chunks(tmp_path: Path) -> None:
    comps = _components(
        tmp_path,
        AWS / "apigatewayv2_api" / "plan.json",
        "aws_apigatewayv2_api.http_with_usage",
        "monthly_requests: 2000000\n    request_size_kb: 700",
    )
    assert _cost(comps["Requests"]) == Decimal("4.00")  # 2M x 2 chunks x $1/M


def test_websocket_messages_and_minutes(tmp_path: Path) -> None:
    comps = _components(
        tmp_path,
        AWS / "apigatewayv2_api" / "plan.json",
        "aws_apigatewayv2_api.websocket_with_usage",
        "monthly_messages: 3000000\n    message_size_kb: 40\n    monthly_connection_mins: 5000000",
    )
    assert _cost(comps["Messages"]) == Decimal("6.00")  # 3M x 2 chunks x $1/M
    assert _cost(comps["Connection duration"]) == Decimal("1.25")  # 5M min x $0.25/M
