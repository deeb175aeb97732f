"""The findings table of `check --format table`: without colour it is laid out by gate_table's own
writer (rich took 0.8 ms a row), which must print exactly what rich prints for the same table."""

from __future__ import annotations

import io
import random
import re
from dataclasses import replace
from decimal import Decimal

import pytest
from rich.console import Console

from costgate.gate.model import BudgetStatus, Finding, GateResult, Severity, Verdict
from costgate.report import gate_table
from costgate.report.gate_table import (
    _finding_cells,
    _findings_table,
    _plain_findings,
    prepare_findings,
    render_gate_table,
)

WORDS = [
    "gp2",
    "volume",
    "costs",
    "$1,234.50",
    "a",
    'module.svc["svc-00-01"].aws_instance.web',
    "aws_db_instance.db",
    "[bold]not",
    "markup[/]",
    "back\\[slash",
    ":thumbs_up:",
    "café",
    "東京",
    "x" * 70,
    "per-change",
    "limit:",
    "(incomplete)",
    "",
]


def _text(rng: random.Random, words: int) -> str:
    return (" " * rng.choice([1, 1, 1, 2])).join(rng.choice(WORDS) for _ in range(words))


def _findings(seed: int, n: int) -> list[Finding]:
    rng = random.Random(seed)
    out = []
    for i in range(n):
        code = rng.choice(["CG101", "CG903", "rego:cost", "budget:search-monthly", "large-volume"])
        out.append(
            Finding(
                code=code,
                name=rng.choice([code, "gp2-volume", "cost/deny", _text(rng, 2)]),
                severity=rng.choice(list(Severity)),
                message=_text(rng, rng.randint(0, 25)),
                source="rule",
                address=rng.choice([None, _text(rng, 1), f'module.m["k{i}"].aws_instance.web']),
                monthly_saving=rng.choice([None, Decimal("0.4"), Decimal("12345.678")]),
                owner=rng.choice([None, "payments", "search", _text(rng, 1)]),
                waived=rng.random() < 0.2,
                waiver_reason=rng.choice(["pruned nightly", "until the migration: 2026-06-30"]),
            )
        )
    return out


def _rich(findings: list[Finding], width: int) -> str:
    buf = io.StringIO()
    console = Console(file=buf, width=width, force_terminal=False, no_color=True, highlight=False, soft_wrap=False)
    console.print(_findings_table([(f, _finding_cells(f)) for f in findings]))
    return buf.getvalue()


def _fast(findings: list[Finding], width: int) -> str:
    console = Console(
        file=io.StringIO(), width=width, force_terminal=False, no_color=True, highlight=False, soft_wrap=False
    )
    return _plain_findings(console, [(f, _finding_cells(f)) for f in findings])


@pytest.mark.parametrize("width", [60, 80, 100, 140, 220])
@pytest.mark.parametrize("seed", range(4))
def test_the_plain_findings_table_is_what_rich_prints(seed: int, width: int) -> None:
    findings = _findings(seed, 40)
    assert _fast(findings, width) == _rich(findings, width)


def test_ascii_rows_only_and_single_rows_match_too() -> None:
    ascii_only = [f for f in _findings(7, 200) if all(c.isascii() and ":" not in c for c in _finding_cells(f))]
    assert len(ascii_only) > 5
    for width in (60, 100):
        assert _fast(ascii_only, width) == _rich(ascii_only, width)
        assert _fast(ascii_only[:1], width) == _rich(ascii_only[:1], width)


def test_every_finding_is_shown() -> None:
    findings = [
        Finding(code="CG101", name="gp2-volume", severity=Severity.WARN, message=f"volume {i} is gp2", source="rule")
        for i in range(500)
    ]
    gate = GateResult(verdict=Verdict.WARN, findings=tuple(findings))
    text = render_gate_table(gate)
    assert all(f"volume {i} is gp2" in text for i in range(500))


def _with_prepared(early: list[Finding], gate: GateResult, width: int) -> str:
    prepare_findings(early, width=width)
    return render_gate_table(gate, width=width)


def _gate(findings: list[Finding]) -> GateResult:
    return GateResult(verdict=Verdict.WARN, findings=tuple(findings))


@pytest.mark.parametrize("width", [60, 100, 220])
@pytest.mark.parametrize("seed", range(3))
def test_rows_laid_out_early_print_what_one_pass_prints(seed: int, width: int) -> None:
    """check lays out the built-in rules' findings while its Rego policies evaluate; the table is
    the same whatever the later findings do: fit the early widths (the head and rows are reused),
    widen a column, come with wide characters, or replace an early finding (a waiver)."""
    findings = _findings(seed, 60)
    ascii_early = [
        f for f in findings if all(c.isascii() and ":" not in c and "\\" not in c for c in _finding_cells(f))
    ]
    narrow = Finding(code="CG101", name="CG101", severity=Severity.BLOCK, message="gp2", source="rego", address="a.b")
    wide = replace(narrow, message="x" * 90 + " " + "y" * 120)  # a longer word and text than any early one
    for early, later in (
        (findings[:40], findings[40:]),  # wide characters and markup among both
        (ascii_early, [narrow]),  # within the early measures: head and rows reused
        (ascii_early, [narrow, wide]),  # widens the message column: laid out again
        (findings, []),
    ):
        everything = early + later
        expected = render_gate_table(_gate(everything), width=width)
        assert _with_prepared(early, _gate(everything), width) == expected
    waived = [
        replace(f, waived=True, waiver_reason="until 2026-06-30") if i == 3 else f for i, f in enumerate(findings)
    ]
    assert _with_prepared(findings, _gate(waived), width) == render_gate_table(_gate(waived), width=width)


def test_what_was_laid_out_early_is_used_once_and_only_at_its_width() -> None:
    findings = [f for f in _findings(11, 30) if all(c.isascii() for c in _finding_cells(f))]
    prepare_findings(findings, width=100)
    assert gate_table._EARLY[0] is not None
    assert render_gate_table(_gate(findings), width=80) == render_gate_table(_gate(findings), width=80)
    assert gate_table._EARLY[0] is None  # taken by the first render, even at another width
    prepare_findings(findings, width=100)
    coloured = render_gate_table(_gate(findings), color=True, width=100)
    assert "\x1b[" in coloured and gate_table._EARLY[0] is None


def test_the_early_rows_are_reused_when_the_head_is(monkeypatch: pytest.MonkeyPatch) -> None:
    """Not only the same text: a render after `prepare_findings` lays out only the rows it did not."""
    findings = [
        f for f in _findings(5, 80) if all(c.isascii() and ":" not in c and "\\" not in c for c in _finding_cells(f))
    ]
    prepare_findings(findings, width=100)
    laid: list[int] = []
    real = gate_table._lay_out

    def counting(layout: gate_table._Layout, rows: list[tuple[Finding, tuple[str, ...]]]) -> None:
        laid.append(len(rows))
        real(layout, rows)

    monkeypatch.setattr(gate_table, "_lay_out", counting)
    heads: list[int] = []
    real_head = gate_table._head

    def measuring(*args: object) -> object:
        heads.append(1)
        return real_head(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(gate_table, "_head", measuring)
    later = replace(findings[0], address="a.b", message="gp2")  # a new row within every column's measure
    text = render_gate_table(_gate([*findings, later]), width=100)
    assert laid == [1] and not heads  # the later row alone, under the early head
    assert text == _fresh([*findings, later], 100)
    # a later cell longer than any early one in its column, but not than the column's header
    early = [replace(f, owner="x", monthly_saving=None) for f in findings]
    wider = replace(early[0], address="a.c", owner="ab cd")  # "Owner": 5 cells
    prepare_findings(early, width=100)
    laid.clear()
    heads.clear()
    text = render_gate_table(_gate([*early, wider]), width=100)
    assert laid == [1] and not heads
    assert text == _fresh([*early, wider], 100)


def _fresh(findings: list[Finding], width: int) -> str:
    gate_table._EARLY[0] = None
    return render_gate_table(_gate(findings), width=width)


HOSTILE = ["C:\\temp\\", "[bold]loud[/bold]", ":thumbs_up:", "a\\[b]", "[/]"]


@pytest.mark.parametrize("text", HOSTILE)
@pytest.mark.parametrize("color", [False, True])
def test_plan_text_is_shown_as_it_is(text: str, color: bool) -> None:
    """Names, addresses, owners and messages reach rich as Text: never markup, never emoji codes.
    rich's markup escape doubled a backslash ending a string, and `:thumbs_up:` became an emoji."""
    finding = Finding(
        code="CG101",
        name="gp2-volume",
        severity=Severity.BLOCK,
        message=f"msg {text}",
        source="rule",
        address=f"aws_s3_bucket.{text}",
        owner=f"team {text}",
    )
    gate = GateResult(
        verdict=Verdict.BLOCK,
        findings=(finding,),
        budgets=(
            BudgetStatus(
                name=f"budget {text}", scope="team", limit=None, before=Decimal(1), after=Decimal(2), status="ok"
            ),
        ),
        team_costs={f"owner {text}": (Decimal(1), Decimal(2))},
        notes=(f"note {text}",),
        expired_waivers=(f"waiver {text}",),
    )
    out = render_gate_table(gate, color=color, width=240)
    plain = re.sub(r"\x1b\[[0-9;]*m", "", out)
    for shown in (
        f"msg {text}",
        f"aws_s3_bucket.{text}",
        f"team {text}",
        f"budget {text}",
        f"owner {text}",
        f"note {text}",
        f"waiver {text}",
        f"blocked by CG101 (gp2-volume): msg {text}",
    ):
        assert shown in plain, (shown, plain)
    assert "\U0001f44d" not in out and "\\\\" not in plain
