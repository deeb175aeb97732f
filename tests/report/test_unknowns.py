"""What HCL mode could not know is shown by every view (table, markdown, JSON), never dropped."""

from __future__ import annotations

import json
from dataclasses import replace

from costgate.estimate import Estimate
from costgate.pipeline import estimate_plans
from costgate.report.base import Report
from costgate.report.markdown import render_markdown
from costgate.report.registry import get_format
from tests.helpers import EXAMPLE_PLAN

UNKNOWNS = (
    "aws_instance.web[*]: count depends on data.aws_availability_zones.all",
    "var.size has no value <script>alert(1)</script>",
)


def _estimate() -> Estimate:
    estimate = estimate_plans([EXAMPLE_PLAN])
    (project,) = estimate.projects
    return replace(estimate, projects=(replace(project, kind="hcl", unknowns=UNKNOWNS),))


def test_table_markdown_and_json_list_the_unknowns() -> None:
    estimate = _estimate()
    table = get_format("breakdown", "table").render(Report(estimate, diff=False, color=False))
    assert (
        "Unknown without the cloud (2): aws_instance.web[*]: count depends on data.aws_availability_zones.all" in table
    )
    markdown = render_markdown(estimate, diff=True)
    assert "2 values cannot be known from the Terraform files alone" in markdown
    assert "> - aws\\_instance.web\\[\\*\\]: count depends on data.aws\\_availability\\_zones.all\n" in markdown
    assert "<script>" not in markdown and "&lt;script&gt;" in markdown
    doc = json.loads(get_format("breakdown", "json").render(Report(estimate, diff=False, color=False)))
    assert doc["projects"][0]["unknowns"] == list(UNKNOWNS) and doc["projects"][0]["source"] == "hcl"
    assert doc["counts"]["unknowns"] == 2 and doc["projects"][0]["counts"]["unknowns"] == 2
    assert "2 values the Terraform files alone cannot tell (listed as unknowns)" in doc["incomplete_message"]
    assert "2 values the Terraform files alone cannot tell" in table.splitlines()[0] + markdown


def test_the_gate_reports_an_estimate_with_unknowns_as_incomplete(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from costgate.config import parse_config
    from costgate.gate.engine import evaluate
    from tests.helpers import FIXTURES

    complete = estimate_plans([FIXTURES / "plans" / "update_instance" / "plan.json"])
    assert complete.counts.complete  # fully priced: the only gap below is the unknowns
    (project,) = complete.projects
    estimate = replace(complete, projects=(replace(project, kind="hcl", unknowns=UNKNOWNS[:1]),))
    loaded = parse_config("policies:\n  incomplete_estimate: fail-closed\n", tmp_path / "costgate.yml")
    result = evaluate(estimate, loaded)
    assert result.incomplete
    assert result.notes == (
        "the estimate is incomplete: 1 value the Terraform files alone cannot tell "
        "(listed as unknowns); policy: fail-closed",
    )
    assert evaluate(complete, loaded).incomplete is False
