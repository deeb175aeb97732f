"""No control character from a plan reaches a terminal: tables, "Not priced" lines, findings,
warnings and the one-line error (a hostile address, tag, name or path retitles or clears it)."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path

import pytest

from costgate.report.terminal import safe_output, safe_text
from tests.helpers import EXAMPLE_PLAN, run_cli

EVIL = "\x1b]0;pwned\x07\x1b[2J\u202e\x9b31m"
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e]")


def _hostile_plan(tmp_path: Path) -> Path:
    doc = json.loads(EXAMPLE_PLAN.read_text())
    changes = []
    for rc in doc["resource_changes"]:
        if rc["address"] not in ("aws_ebs_volume.data", "aws_instance.app"):
            continue
        rc = copy.deepcopy(rc)
        rc["address"] += EVIL
        after = rc["change"]["after"]
        after["tags"] = after["tags_all"] = {"team": EVIL, "env": EVIL}
        if rc["type"] == "aws_instance":
            after["instance_type"] = "m5.large" + EVIL  # a catalog miss: its query is in the reason
        else:
            after["size"] = -5  # not priced: invalid value, named in the reason and by CG906
        changes.append(rc)
    doc["resource_changes"] = changes
    doc["configuration"] = {}  # no provider region: a warning naming the hostile address
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(doc))
    return path


@pytest.mark.parametrize(
    "argv",
    [
        ["breakdown"],
        ["diff"],
        ["check"],
        ["breakdown", "--format", "markdown"],
        ["check", "--format", "sarif"],
    ],
)
def test_no_control_character_in_any_output(tmp_path: Path, argv: list[str]) -> None:
    config = tmp_path / "costgate.yml"
    config.write_text("version: 1\npolicies:\n  rules:\n    CG904: {severity: warn, params: {required: [owner]}}\n")
    extra = ["--config", str(config)] if argv[0] == "check" else []
    run = run_cli(*argv, "--plan", str(_hostile_plan(tmp_path)), *extra)
    assert run.code in (0, 1), run.err
    assert "pwned" in run.out  # the text is shown, only its control characters are not
    assert CONTROL.findall(run.out + run.err) == []


def test_not_priced_lines_and_findings_name_the_resource_safely(tmp_path: Path) -> None:
    run = run_cli("check", "--plan", str(_hostile_plan(tmp_path)))
    not_priced = [line for line in run.out.splitlines() if line.startswith("Not priced: ")]
    assert len(not_priced) == 2 and all("aws_" in line and "?]0;pwned?" in line for line in not_priced)
    assert "CG906" in run.out and run.code == 1


def test_the_error_line_is_safe(tmp_path: Path) -> None:
    run = run_cli("breakdown", "--plan", str(tmp_path / f"missing{EVIL}.json"))
    assert run.code == 2 and run.err.startswith("costgate: error: ") and "not found" in run.err
    assert CONTROL.findall(run.err) == [] and run.err.count("\n") == 1


def test_helpers() -> None:
    assert safe_text("café 東京 ok") == "café 東京 ok"
    assert safe_text("a\x1b[2Jb\nc") == "a?[2Jb?c"
    assert safe_output("\x1b[1mTotal\x1b[0m\n\tx\x1b]0;t\x07y\u202e") == "\x1b[1mTotal\x1b[0m\n\tx]0;ty"


def test_safe_output_filters_every_ascii_control_but_newline_and_tab() -> None:
    """The fast path for plain ASCII output must not let one control byte through."""
    for code in [*range(0x00, 0x20), 0x7F]:
        ch = chr(code)
        expected = "ab" if ch not in "\n\t" else f"a{ch}b"
        assert safe_output(f"a{ch}b") == expected, hex(code)
    assert safe_output("plain {} text\n\twith tabs ~") == "plain {} text\n\twith tabs ~"


def test_safe_output_bytes_is_safe_output_of_the_text() -> None:
    """JSON is written to stdout as bytes (emit_bytes): the same filter applies to them."""
    from costgate.report.terminal import safe_output_bytes

    for text in [
        "plain {}\n\t~",
        "a\x1b]0;t\x07b",
        "caf\u00e9 \u6771\u4eac",
        "x\u202ey\x7f\x9fz",
        "\x1b[1mbold\x1b[0m",
    ]:
        assert safe_output_bytes(text.encode()) == safe_output(text).encode(), repr(text)
