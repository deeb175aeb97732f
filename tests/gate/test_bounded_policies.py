"""Policies on plan-controlled input are bounded: a runaway Rego rule (huge numbers.range, a
backtracking regex) or a backtracking custom-rule regex is an error naming its file, never a
hang or gigabytes of memory. The limits are lowered here so that the tests stay short."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from costgate.errors import PolicyError
from costgate.gate.engine import evaluate
from tests.gate.helpers import config, estimate, resource
from tests.helpers import EXAMPLE_PLAN, run_cli

RANGE = 'package r\n\ndeny contains "many" if {\n  count(numbers.range(1, 20000000)) > 1\n}\n'
REDOS = (
    'package r\n\ndeny contains "slow" if {\n  some r in input.resources\n  regex.match("^(a+)+$", r.tags.evil)\n}\n'
)
EVIL_TEAM = "a" * 60 + "!"


@pytest.fixture(autouse=True)
def small_limits(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COSTGATE_REGO_TIMEOUT_S", "3")
    monkeypatch.setenv("COSTGATE_REGO_MEMORY_MB", "400")


@pytest.mark.parametrize("source", [RANGE, REDOS], ids=["numbers-range", "backtracking-regex"])
def test_a_runaway_rego_policy_is_an_error_naming_its_file(tmp_path: Path, source: str) -> None:
    (tmp_path / "runaway.rego").write_text(source)
    path = tmp_path / "costgate.yml"
    path.write_text("policies:\n  rego:\n    - path: runaway.rego\n")
    if source is RANGE:  # runs away on any input: already when the config is loaded
        run = run_cli("config", "validate", str(path))
    else:  # runs away on a value the plan controls
        (tmp_path / "plan.json").write_text(
            EXAMPLE_PLAN.read_text().replace(
                '"Name": "shop-staging-data"', f'"Name": "shop-staging-data", "evil": "{EVIL_TEAM}"'
            )
        )
        run = run_cli(
            "check", "--plan", str(tmp_path / "plan.json"), "--config", str(path), "--max-catalog-age-days", "0"
        )
    assert run.code == 2 and run.err.count("\n") == 1, run.err
    assert run.err.startswith(f"costgate: error: {tmp_path / 'runaway.rego'}: evaluation ")
    assert "did not finish within 3 s" in run.err or "more than 400 MiB" in run.err


def test_rego_memory_is_bounded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COSTGATE_REGO_TIMEOUT_S", "60")
    (tmp_path / "r.rego").write_text(RANGE)
    with pytest.raises(PolicyError, match=r"r\.rego: evaluation used more than 400 MiB of memory"):
        config("policies:\n  rego:\n    - path: r.rego\n", tmp_path)


def test_a_backtracking_custom_rule_regex_is_an_error_naming_the_rule(tmp_path: Path) -> None:
    loaded = config(
        "policies:\n  custom:\n    - id: team-name\n      message: m\n"
        "      where: {field: tags.team, matches: '^(a|aa)+$'}\n",
        tmp_path,
    )
    est = estimate(resource("aws_instance.x", None, "5", tags={"team": EVIL_TEAM}))
    with pytest.raises(PolicyError) as caught:
        evaluate(est, loaded, today=date(2026, 1, 1))
    text = str(caught.value)
    assert text.startswith(f"{tmp_path / 'costgate.yml'}:3: custom rule team-name: `matches: ^(a|aa)+$` took over 1 s")
    assert "aws_instance.x's tags.team" in text


def test_a_fast_policy_still_works_within_the_limits(tmp_path: Path) -> None:
    (tmp_path / "ok.rego").write_text(
        'package ok\n\ndeny contains "fine" if {\n  count(numbers.range(1, 1000)) == 1000\n}\n'
    )
    loaded = config("policies:\n  rego:\n    - path: ok.rego\n", tmp_path)
    result = evaluate(estimate(resource("aws_instance.x", None, "5")), loaded, today=date(2026, 1, 1))
    assert [f.message for f in result.findings if f.source == "rego"] == ["fine"]
