"""`costgate catalog query` from tests: the shared way mapping tests ask the shipped catalog."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from tests.helpers import run_cli


def query(*args: str) -> list[dict[str, Any]]:
    """Products `catalog query --format json ARGS` finds (the age warning switched off)."""
    result = run_cli("catalog", "query", "--format", "json", "--max-catalog-age-days", "0", *args)
    assert result.code == 0, result.err
    return json.loads(result.out)  # type: ignore[no-any-return]


def attr_args(pairs: dict[str, str]) -> list[str]:
    """`--attr key=value` for each pair."""
    out: list[str] = []
    for key, value in pairs.items():
        out += ["--attr", f"{key}={value}"]
    return out


def assert_one_at_price(
    provider: str,
    service: str,
    region: str,
    attrs: dict[str, str],
    unit: str,
    price: str,
    *,
    rel: Decimal = Decimal("0.0001"),
) -> None:
    """Exactly one product matches, in `unit`, at `price` (within `rel` of it)."""
    found = query("--provider", provider, "--service", service, "--region", region, *attr_args(attrs))
    assert len(found) == 1, found
    assert found[0]["unit"] == unit
    assert abs(Decimal(found[0]["price"]) - Decimal(price)) <= Decimal(price) * rel
