"""Registry-wide rules for built-in rules, enforced here rather than in review."""

from __future__ import annotations

import importlib
import subprocess
import sys
from pathlib import Path

import pytest
from pydantic import BaseModel

from costgate.gate.registry import BANNED_PREFIXES, CODE_PATTERN, NAME_PATTERN, RETIRED_CODES, rules
from costgate.gate.rule import Status

REPO = Path(__file__).resolve().parents[2]
SECTIONS = (
    "What it flags:",
    "Why it costs:",
    "Example:",
    "Cheaper alternative:",
    "Saving estimate:",
    "Parameters:",
    "References:",
)
ALL = list(rules().values())


def test_at_least_25_rules_in_every_theme() -> None:
    assert len(ALL) >= 25
    assert {r.code[2] for r in ALL} == {"1", "2", "3", "4", "5", "9"}


@pytest.mark.parametrize("rule", ALL, ids=lambda r: r.code)
def test_rule_metadata(rule) -> None:  # type: ignore[no-untyped-def]
    assert CODE_PATTERN.match(rule.code)
    assert rule.code not in RETIRED_CODES
    assert NAME_PATTERN.match(rule.name) and not rule.name.startswith(BANNED_PREFIXES)
    module = importlib.import_module(f"costgate.gate.rules.{rule.name.replace('-', '_')}")
    assert module.RULE is rule, "module name equals the rule name"
    assert rule.doc.splitlines()[0].startswith(f"{rule.code} {rule.name}:")
    positions = [rule.doc.find(s) for s in SECTIONS]
    assert all(p > 0 for p in positions) and positions == sorted(positions), "all doc sections, in order"
    assert issubclass(rule.params, BaseModel) and rule.params.model_config.get("extra") == "forbid"
    rule.params()  # defaults alone are valid
    assert rule.status in (Status.PREVIEW, Status.STABLE)


def test_codes_and_names_are_unique() -> None:
    assert len({r.code for r in ALL}) == len(ALL)
    assert len({r.name for r in ALL}) == len(ALL)


def test_rule_docs_are_current() -> None:
    done = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "gen_rule_docs.py"), "--check"], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout
