"""`costgate explain`: rule docs from the rules' own docstrings."""

from __future__ import annotations

import json

from costgate.gate.registry import rules
from tests.helpers import run_cli


def test_explain_by_code_and_name_print_the_docstring() -> None:
    by_code = run_cli("explain", "CG101")
    by_name = run_cli("explain", "gp2-volume")
    assert by_code.code == 0 and by_code.out == by_name.out
    assert "What it flags:" in by_code.out and "Saving estimate:" in by_code.out


def test_explain_lists_every_rule() -> None:
    listed = json.loads(run_cli("explain", "--format", "json").out)
    assert [r["code"] for r in listed] == list(rules())
    assert len(listed) >= 25


def test_unknown_rule_is_exit_2() -> None:
    result = run_cli("explain", "CG999")
    assert result.code == 2 and "CG999" in result.err and "Traceback" not in result.err
