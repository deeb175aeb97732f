"""Numbers that never hide a gap (issue 10, part 4 a, c, f), end to end on a plan Terraform made.

tests/fixtures/plans/delete_unpriced_region destroys a t3.micro in eu-central-1 (no prices in the
shipped catalog) and resizes an m5.large in us-east-1 (priced). Its before side is incomplete: the
diff must count and list those gaps as "before", mark the change incomplete, print no percentage, say
so at the top of every output, and every output must show the same counts.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from tests.helpers import FIXTURES, run_cli

PLAN = FIXTURES / "plans" / "delete_unpriced_region" / "plan.json"
LEGACY = "aws_instance.legacy"
TOP_LINE = "incomplete: 3 of 7 components have no price in this catalog (3 before the change)"


def _run(fmt: str, command: str = "diff") -> str:
    result = run_cli(command, "--plan", str(PLAN), "--format", fmt)
    assert result.code == 0, result.err
    return result.out


def test_destroyed_unpriced_resource_counts_as_before_side_gaps() -> None:
    doc = json.loads(_run("json"))
    before = [(u["address"], u["component"]) for u in doc["unpriced"] if u["side"] == "before"]
    assert before == [
        (LEGACY, "Instance usage (Linux/UNIX, on-demand, t3.micro)"),
        (LEGACY, "CPU credits"),
        (LEGACY, "Storage (general purpose SSD, gp3)"),
    ]
    assert [u for u in doc["unpriced"] if u["side"] == "after"] == []
    totals = doc["totals"]
    assert totals["before_complete"] is False and totals["after_complete"] is True and totals["complete"] is False
    assert totals["delta_percent"] is None  # $70.72 before is a partial figure: no percentage of it
    assert doc["counts"]["unpriced_before"] == 3 and doc["counts"]["unpriced_components"] == 3


def test_table_marks_the_change_incomplete() -> None:
    text = _run("table")
    row = next(line for line in text.splitlines() if LEGACY in line)
    assert "not priced" in row and "(incomplete)" in row
    change = next(line for line in text.splitlines() if line.startswith("Monthly cost change:"))
    assert "%" not in change and "incomplete: the before side lacks prices" in change
    assert f"Not priced: {LEGACY} Instance usage (Linux/UNIX, on-demand, t3.micro) (before the change)" in text


def test_every_output_starts_by_saying_it_is_incomplete() -> None:
    assert _run("table").splitlines()[0] == TOP_LINE
    assert json.loads(_run("json"))["incomplete_message"] == TOP_LINE
    md = _run("markdown").splitlines()
    assert md[0].startswith("### ") and md[2].startswith("> ⚠️ **incomplete: 3 of 7 components")
    check = json.loads(_run("json", "check"))
    assert check["gate"]["incomplete_estimate"] is True
    assert check["estimate"]["incomplete_message"] == TOP_LINE


def _counts_in_table(text: str) -> tuple[int, ...]:
    m = re.search(
        r"(\d+) resources: (\d+) priced, (\d+) free, (\d+) unsupported; (\d+) components not priced"
        r"(?: \(\d+ before the change\))?; (\d+) components depend on usage",
        text,
    )
    assert m, text
    return tuple(int(g) for g in m.groups())


def _counts_in_markdown(text: str) -> tuple[int, int]:
    unpriced = re.search(r"(\d+) cost components? without a price", text)
    usage = re.search(r"(\d+) cost components? depends? on usage", text)
    return (int(unpriced.group(1)) if unpriced else 0, int(usage.group(1)) if usage else 0)


def test_table_json_and_markdown_show_the_same_counts(tmp_path: Path) -> None:
    """One estimate, every format: the counts are the estimate's, not each renderer's own."""
    from tests.helpers import EXAMPLE_PLAN

    for plan in (EXAMPLE_PLAN, PLAN):
        outs = {fmt: run_cli("diff", "--plan", str(plan), "--format", fmt) for fmt in ("table", "json", "markdown")}
        assert all(o.code == 0 for o in outs.values())
        counts = json.loads(outs["json"].out)["counts"]
        assert _counts_in_table(outs["table"].out) == (
            counts["resources"],
            counts["priced"],
            counts["free"],
            counts["unsupported"],
            counts["unpriced_components"],
            counts["usage_based_components"],
        )
        assert _counts_in_markdown(outs["markdown"].out) == (
            counts["unpriced_components"],
            counts["usage_based_components"],
        )
    # the example has components that depend on usage; the three definitions used to disagree on it
    assert (
        json.loads(run_cli("breakdown", "--plan", str(EXAMPLE_PLAN), "--format", "json").out)["counts"][
            "usage_based_components"
        ]
        > 0
    )


def test_fail_closed_blocks_on_a_before_side_gap(tmp_path: Path) -> None:
    config = tmp_path / "costgate.yml"
    config.write_text("policies:\n  incomplete_estimate: fail-closed\n", encoding="utf-8")
    result = run_cli("check", "--plan", str(PLAN), "--config", str(config), "--format", "json")
    assert result.code == 1, result.err
    gate = json.loads(result.out)["gate"]
    blocking = [f for f in gate["findings"] if f["severity"] == "block"]
    assert [(f["code"], f["address"]) for f in blocking] == [("CG902", LEGACY)]
    assert "(before the change)" in blocking[0]["message"]
    config.write_text("policies:\n  incomplete_estimate: fail-open\n", encoding="utf-8")
    assert run_cli("check", "--plan", str(PLAN), "--config", str(config), "--format", "json").code == 0


NO_CLOUD = FIXTURES / "plans" / "no_cloud" / "plan.json"


def test_a_plan_with_no_cloud_has_nothing_to_price_and_passes(tmp_path: Path) -> None:
    """terraform_data only (made by Terraform): free, "nothing to price", exit 0 even fail-closed."""
    result = run_cli("diff", "--plan", str(NO_CLOUD), "--format", "json")
    assert result.code == 0, result.err
    doc = json.loads(result.out)
    assert doc["counts"]["free"] == 2 and doc["counts"]["unsupported"] == 0 and doc["totals"]["complete"] is True
    assert {r["support_reason"] for r in doc["projects"][0]["resources"]} == {
        "no cloud cost: it lives in Terraform's state only"
    }
    assert any("nothing to price" in w for w in doc["projects"][0]["warnings"])
    config = tmp_path / "costgate.yml"
    config.write_text("policies:\n  incomplete_estimate: fail-closed\n", encoding="utf-8")
    assert run_cli("check", "--plan", str(NO_CLOUD), "--config", str(config)).code == 0


def test_a_saas_only_plan_is_not_bad_input(tmp_path: Path) -> None:
    """A plan of datadog resources used to exit 2 ("no resources from a supported provider")."""
    plan = tmp_path / "plan.json"
    plan.write_text(
        json.dumps(
            {
                "format_version": "1.2",
                "terraform_version": "1.11.4",
                "planned_values": {"root_module": {}},
                "resource_changes": [
                    {
                        "address": "datadog_monitor.cpu",
                        "mode": "managed",
                        "type": "datadog_monitor",
                        "name": "cpu",
                        "provider_name": "registry.terraform.io/datadog/datadog",
                        "change": {"actions": ["create"], "before": None, "after": {}, "after_unknown": {}},
                    }
                ],
            }
        ),
        encoding="utf-8",
    )
    result = run_cli("breakdown", "--plan", str(plan))
    assert result.code == 0, result.err
    assert "nothing to price" in result.out and "1 free, 0 unsupported" in result.out


def test_the_same_plan_given_twice_is_priced_once() -> None:
    once = json.loads(run_cli("diff", "--plan", str(PLAN), "--format", "json").out)
    result = run_cli(
        "diff",
        "--plan",
        str(PLAN),
        "--plan",
        str(PLAN.parent / ".." / PLAN.parent.name / "plan.json"),
        "--format",
        "json",
    )
    assert result.code == 0
    twice = json.loads(result.out)
    assert len(twice["projects"]) == 1 and twice["totals"] == once["totals"]
    assert "was given 2 times; it is priced once" in result.err


def test_footers_date_the_prices_used_not_the_catalog() -> None:
    """eu-west-1 nodes are priced from 2023 data: the footer says so, not the catalog's newest day
    (2026-07-30, a Google price no AWS plan uses); a range-dated source says it is a range."""
    plan = FIXTURES / "resources" / "aws" / "elasticache_cluster" / "plan.json"
    doc = json.loads(run_cli("breakdown", "--plan", str(plan), "--format", "json").out)
    used = sorted(
        {
            c["price_source"]["price_date"]
            for p in doc["projects"]
            for r in p["resources"]
            for c in r["components"]
            if c["price_source"]
        }
    )
    days = [d for d in used if re.fullmatch(r"\d{4}-\d{2}-\d{2}", d)]
    assert doc["price_dates"]["oldest"] == days[0] == "2023-02-23"
    assert doc["price_dates"]["newest"] == days[-1] != "2026-07-30"
    ranges = [r["price_date"] for r in doc["price_dates"]["ranges"]]
    assert ranges == [d for d in used if d not in days]
    phrase = f"prices dated {days[0]}" + (f" to {days[-1]}" if days[-1] != days[0] else ";")
    footer = run_cli("breakdown", "--plan", str(plan)).out.strip().splitlines()[-1]
    assert phrase in footer and "2026-07-30" not in footer
    md = run_cli("breakdown", "--plan", str(plan), "--format", "markdown").out
    assert phrase.rstrip(";") in md
    if ranges:
        assert "no date per price" in footer


def test_commit_status_says_the_change_is_incomplete() -> None:
    from costgate.cli.commands.comment import commit_status
    from costgate.pipeline import estimate_plans

    status = commit_status(estimate_plans([PLAN]), None, None, "costgate", None)
    assert "(incomplete)" in status.description and "%" not in status.description
