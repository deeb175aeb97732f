"""costgate.yml `showback.shared` and `unit_metrics`: each mistake is one line naming file:line and key."""

from __future__ import annotations

from pathlib import Path

import pytest

from costgate.errors import ConfigError
from costgate.gate.references import load_checked_config as load_config
from tests.helpers import run_cli

TEAMS = "teams:\n  - name: a\n  - name: b\n"

BAD = [
    (
        TEAMS + "showback:\n  shared:\n    - name: net\n      match: {type: aws_nat_gateway}\n      split: fixed\n"
        "      percentages: {a: 60, b: 30}\n",
        9,
        ["showback.shared[0].percentages", "sum to 90, not 100"],
    ),
    (
        TEAMS + "showback:\n  shared:\n    - name: net\n      match: {type: aws_nat_gateway}\n      split: fixed\n",
        8,
        ["showback.shared[0].split", "needs percentages"],
    ),
    (
        TEAMS + "showback:\n  shared:\n    - name: net\n      match: {type: x}\n      percentages: {a: 100}\n",
        8,
        ["percentages go with split: fixed"],
    ),
    (
        TEAMS + "showback:\n  shared:\n    - name: net\n      match: {type: x}\n      split: fixed\n"
        "      percentages: {a: 50, c: 50}\n",
        9,
        ["unknown team 'c'"],
    ),
    (
        TEAMS + "showback:\n  shared:\n    - name: net\n      match: {}\n",
        7,
        ["showback.shared[0].match", "at least one of"],
    ),
    (
        TEAMS + "showback:\n  shared:\n    - name: net\n      match: {type: x}\n      split: halves\n",
        8,
        ["showback.shared[0].split"],
    ),
    (
        TEAMS + "showback:\n  shared:\n    - name: net\n      match: {type: x}\n      split: fixed\n"
        "      percentages: {a: 150, b: -50}\n",
        9,
        ["showback.shared[0].percentages", "at most 100"],
    ),
    (
        TEAMS + "showback:\n  shared:\n    - name: net\n      match: {type: x}\n      by: owner\n",
        8,
        ["showback.shared[0].by"],
    ),
    (
        "unit_metrics:\n  - name: requests\n    monthly_value: 0\n",
        3,
        ["unit_metrics[0].monthly_value", "greater than 0"],
    ),
    ("unit_metrics:\n  - name: Requests\n    monthly_value: 10\n", 2, ["unit_metrics[0].name"]),
    ("unit_metrics:\n  - name: r\n    monthly_value: 10\n  - name: r\n    monthly_value: 5\n", 4, ["declared twice"]),
    (
        "budgets:\n  - name: per-req\n    unit_metric: requests\n    max_unit_cost: 1\n",
        3,
        ["budgets[0].unit_metric", "unknown unit metric 'requests'"],
    ),
    (
        "unit_metrics:\n  - name: requests\n    monthly_value: 10\nbudgets:\n  - name: per-req\n    unit_metric: requests\n",
        5,
        ["needs max_unit_cost or max_unit_cost_increase_percent"],
    ),
    ("budgets:\n  - name: b\n    monthly_limit: 10\n    max_unit_cost: 1\n", 2, ["need unit_metric"]),
]


@pytest.mark.parametrize(("text", "line", "fragments"), BAD, ids=[b[2][-1] for b in BAD])
def test_bad_showback_and_unit_config(tmp_path: Path, text: str, line: int, fragments: list[str]) -> None:
    path = tmp_path / "costgate.yml"
    path.write_text(text)
    with pytest.raises(ConfigError) as info:
        load_config(path)
    message = str(info.value)
    assert message.startswith(f"{path}:{line}: "), message
    for fragment in fragments:
        assert fragment in message, message
    run = run_cli("config", "validate", str(path))
    assert run.code == 2 and run.err.count("\n") == 1


def test_good_config_loads(tmp_path: Path) -> None:
    path = tmp_path / "costgate.yml"
    path.write_text(
        TEAMS + "showback:\n  shared:\n    - name: net\n      match: {type: aws_nat_gateway}\n      split: fixed\n"
        "      percentages: {a: 33.5, b: 66.5}\n"
        "unit_metrics:\n  - {name: requests, monthly_value: 12000000, per: 1000}\n"
    )
    config = load_config(path).config
    assert config.showback.shared[0].percentages["a"] + config.showback.shared[0].percentages["b"] == 100
    assert config.unit_metrics[0].display == "per 1,000 requests"
