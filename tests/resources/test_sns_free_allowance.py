"""SNS's free publishes and deliveries are the price list's first tier: billed once, not twice.

The catalog holds AWS's paid tiers from where they start (1M publishes, 100k HTTP, 1k email,
100 SMS); the pricer passes the whole month's quantity, so only what lies beyond is billed.
Figures from AWS's SNS price page: $0.50 per 1M publishes, $0.60 per 1M HTTP, $2 per 100k email.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from tests.helpers import FIXTURES, run_cli

PLAN = FIXTURES / "resources" / "aws" / "sns_topic" / "plan.json"


@pytest.mark.parametrize(
    ("usage", "name", "cost"),
    [
        # 1M publishes of 128 KB = 2M billed 64 KB requests: 1M beyond the free 1M
        ("monthly_requests: 1000000\n    request_size_kb: 128", "API requests (first 1M free)", "0.50"),
        ("monthly_requests: 500000", "API requests (first 1M free)", "0"),
        # 1,000 publishes x 200 HTTP subscribers = 200k deliveries: 100k beyond the free 100k
        ("monthly_requests: 1000\n    http_subscriptions: 200", "HTTP/HTTPS notifications (first 100k free)", "0.06"),
        # 1,000 x 300 email = 300k: 299k beyond the free 1k
        (
            "monthly_requests: 1000\n    email_subscriptions: 300",
            "Email/Email-JSON notifications (first 1k free)",
            "5.98",
        ),
    ],
)
def test_free_allowance_is_subtracted_once(tmp_path: Path, usage: str, name: str, cost: str) -> None:
    path = tmp_path / "usage.yml"
    path.write_text(f"version: 0.1\nresource_usage:\n  aws_sns_topic.with_usage:\n    {usage}\n")
    for flags in ([], ["--free-tier"]):  # the flag must not subtract the allowance a second time
        result = run_cli(
            "breakdown",
            "--plan",
            str(PLAN),
            "--usage-file",
            str(path),
            "--format",
            "json",
            "--max-catalog-age-days",
            "0",
            *flags,
        )
        assert result.code == 0, result.err
        doc = json.loads(result.out)
        topic = next(r for r in doc["projects"][0]["resources"] if r["address"] == "aws_sns_topic.with_usage")
        component = next(c for c in topic["components"] if c["name"] == name)
        assert Decimal(str(component["monthly_cost"])) == Decimal(cost), flags
