"""Parsing a plan without its planned_values (issue 15): the same Resources and warnings as a
parse of the whole plan, and the whole plan whenever planned_values cannot be cut out for certain."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson
import pytest

from costgate.iac import plan_json
from costgate.iac.plan_json import PlanJsonReader, _without_planned_values

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "resources" / "aws"


def _plans() -> list[Path]:
    return sorted(FIXTURES.glob("*/plan.json"))[:40]


def _read(data: bytes) -> Any:
    result = PlanJsonReader().parse(data, source="plan.json")
    return [
        (r.address, r.type, r.region, r.action, dict(r.values), r.unknown, dict(r.tags)) for r in result.resources
    ], result.warnings


@pytest.mark.parametrize("plan", _plans(), ids=lambda p: p.parent.name)
def test_terraform_made_plans_read_the_same_without_planned_values(plan: Path) -> None:
    data = plan.read_bytes()
    compact = orjson.dumps(orjson.loads(data))  # as `terraform show -json` writes it: no spaces
    lean = _without_planned_values(compact)
    assert lean is not None, "Terraform's layout: planned_values follows format_version and variables"
    document = orjson.loads(lean)
    whole = orjson.loads(compact)
    whole.pop("planned_values")
    assert document == whole  # exactly the member and its comma were cut
    assert _read(compact) == _read(data)


def _plan(**members: Any) -> bytes:
    return orjson.dumps(members)


CHANGE = {
    "address": "aws_eip.a",
    "mode": "managed",
    "type": "aws_eip",
    "name": "a",
    "provider_name": "registry.terraform.io/hashicorp/aws",
    "change": {"actions": ["create"], "before": None, "after": {"domain": "vpc", "tags": None}, "after_unknown": {}},
}


@pytest.mark.parametrize(
    ("members", "cut"),
    [
        # a variable holding a map with a "planned_values" key: not the top level, nothing is cut
        (
            {
                "format_version": "1.2",
                "variables": {"v": {"value": {"planned_values": {"x": 1}}}},
                "planned_values": {},
                "resource_changes": [CHANGE],
            },
            False,
        ),
        # planned_values holding a `,"resource_changes":` key (a tag): the cut would not balance, so
        # orjson refuses the lean bytes and the whole plan is read
        (
            {
                "format_version": "1.2",
                "planned_values": {"root_module": {"a": 1, "resource_changes": [1]}},
                "resource_changes": [CHANGE],
            },
            True,
        ),
        # no resource_changes: planned_values is what the reader uses, so the whole plan is read
        (
            {
                "format_version": "1.2",
                "planned_values": {
                    "root_module": {
                        "resources": [
                            {
                                "address": "aws_eip.a",
                                "mode": "managed",
                                "type": "aws_eip",
                                "name": "a",
                                "provider_name": "registry.terraform.io/hashicorp/aws",
                                "values": {"domain": "vpc"},
                            }
                        ]
                    }
                },
                "configuration": {},
            },
            True,
        ),
        # planned_values last: no next key, nothing is cut
        ({"format_version": "1.2", "resource_changes": [CHANGE], "planned_values": {}}, False),
    ],
)
def test_odd_layouts_read_as_the_whole_plan(
    members: dict[str, Any], cut: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = _plan(**members)
    assert (_without_planned_values(data) is not None) == cut
    lean = _read(data)
    assert [r[0] for r in lean[0]] == ["aws_eip.a"]
    monkeypatch.setattr(plan_json, "_without_planned_values", lambda data: None)  # as before: all of it
    assert _read(data) == lean
