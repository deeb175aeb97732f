"""The one format registry: every command's choices map to an implementation, a format sees
(Estimate, GateResult | None), and a name cannot be registered twice for one command."""

from __future__ import annotations

import json
import pkgutil

import pytest

import costgate.report.formats as formats_package
from costgate.errors import CostgateError
from costgate.gate.model import Finding, GateResult, Severity, Verdict
from costgate.pipeline import estimate_plans
from costgate.report.base import Report
from costgate.report.registry import (
    all_formats,
    format_names,
    get_format,
    register,
    render,
)
from tests.helpers import EXAMPLE_PLAN

COMMANDS = {
    "breakdown": ["table", "focus", "html", "json", "markdown"],
    "diff": ["table", "html", "json", "markdown"],
    "check": ["table", "html", "json", "sarif"],
    "comment": ["markdown"],
    "history": ["table", "csv", "json"],
    "showback": ["table", "csv", "focus", "json"],
    "whatif": ["table", "json"],
    "anomalies": ["table", "json"],
    "actuals": ["table", "csv", "json"],
    "report": ["html"],
}


def test_the_choices_of_every_command() -> None:
    assert {command: format_names(command) for command in COMMANDS} == COMMANDS


def test_every_registered_format_serves_the_commands_it_names() -> None:
    registered = all_formats()
    for (command, name), fmt in registered.items():
        assert fmt.name == name and command in fmt.commands
        assert callable(fmt.render)
    assert {command for command, _ in registered} == set(COMMANDS)


def test_every_format_module_registers_something() -> None:
    registered_modules = {type(fmt).__module__ for fmt in all_formats().values()}
    modules = {f"{formats_package.__name__}.{m.name}" for m in pkgutil.iter_modules(formats_package.__path__)}
    assert modules == registered_modules


def test_a_name_registered_twice_for_one_command_is_refused() -> None:
    class Twice:
        name = "table"
        commands = frozenset({"breakdown"})

        def render(self, report: Report) -> str:
            return ""

    with pytest.raises(RuntimeError, match="registered twice"):
        register(Twice)
    assert type(get_format("breakdown", "table")).__name__ == "TableFormat"


def test_an_unknown_format_is_a_costgate_error_naming_the_choices() -> None:
    with pytest.raises(
        CostgateError, match=r"unknown format 'xml' for diff \(choose from table, html, json, markdown\)"
    ):
        get_format("diff", "xml")


def test_one_format_takes_the_estimate_with_or_without_a_gate() -> None:
    estimate = estimate_plans([EXAMPLE_PLAN])
    gate = GateResult(
        verdict=Verdict.BLOCK,
        findings=(
            Finding(
                code="CG101",
                name="gp2-volume",
                severity=Severity.BLOCK,
                message="gp2 <b>",
                address="aws_ebs_volume.data",
            ),
        ),
    )

    plain = json.loads(render("diff", "json", Report(estimate, diff=True)))
    checked = json.loads(render("check", "json", Report(estimate, gate=gate, diff=True)))
    assert checked["estimate"] == plain  # one serialiser of the estimate
    assert checked["version"] == "1.0" and checked["gate"]["verdict"] == "block"
    assert checked["gate"]["findings"][0]["message"] == "gp2 <b>"

    table = render("diff", "table", Report(estimate, diff=True))
    checked_table = render("check", "table", Report(estimate, gate=gate, diff=True))
    assert checked_table.startswith(table) and "Verdict: BLOCK" in checked_table and "Verdict" not in table

    markdown = render("comment", "markdown", Report(estimate, gate=gate, diff=True))
    assert "Blocked" in markdown and "Blocked" not in render("diff", "markdown", Report(estimate, diff=True))


def test_sarif_without_a_gate_is_refused() -> None:
    estimate = estimate_plans([EXAMPLE_PLAN])
    with pytest.raises(CostgateError, match="needs a gate result"):
        render("check", "sarif", Report(estimate))
