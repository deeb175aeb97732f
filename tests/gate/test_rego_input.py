"""The Rego input on its way to rego-cpp: built value by value through the C functions (worker
`_input`), and trimmed to the resource fields a policy can read (rego.resource_fields).

A trimmed field must be one the policy cannot observe: these tests hold that a policy using a
resource as a whole value (returning it, passing it to a function, marshalling it) still sees
every field, and that the values reach the policy unchanged."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from costgate.gate.engine import evaluate
from costgate.gate.rego import (
    _for_policy,
    fields_needed,
    input_document,
    policy_fields,
    reads_gate_fields,
    resource_fields,
)
from costgate.gate.rego_worker import RegoPolicyFile, query_rules
from costgate.gate.rule import RuleContext
from tests.gate.helpers import config, estimate, resource

EVERY_KIND = {
    "text": "plain",
    "quoted": 'module.x["a"]',
    "accents": "caf\u00e9 \u6771\u4eac \u2603",
    "empty": "",
    "int": -42,
    "big": 2**62,
    "float": 1.25,
    "true": True,
    "false": False,
    "null": None,
    "list": [1, "two", [3.5, None], {}],
    "nested": {"a": {"b": {"c": [True, False]}}, "": "empty key"},
    "empty_list": [],
}


def test_the_input_reaches_the_policy_unchanged(tmp_path: Path) -> None:
    policy = RegoPolicyFile(
        name="echo",
        path=tmp_path / "echo.rego",
        package="echo",
        source="package echo\n\nwarn contains input if { true }\n",
    )
    assert query_rules(policy, EVERY_KIND, ("warn",)) == {"warn": [EVERY_KIND]}


def test_an_input_value_rego_cannot_hold_is_refused(tmp_path: Path) -> None:
    policy = RegoPolicyFile(
        name="echo", path=tmp_path / "echo.rego", package="echo", source="package echo\n\nwarn contains 1 if { true }\n"
    )
    with pytest.raises(ValueError, match="Cannot convert"):
        query_rules(policy, {"set": {1, 2}}, ("warn",))


ALL = None


@pytest.mark.parametrize(
    ("source", "fields"),
    [
        # fields named through a resource variable, a string key, an indexed resource
        ("some r in input.resources\n r.monthly_cost > 5\n msg := r.address", {"monthly_cost", "address"}),
        ('r := input.resources[_]\n r["type"] == "x"', {"type"}),
        ("every i, r in input.resources { r.tags.team }", {"tags", "team"}),
        ("input.resources[_].region == input.cost_estimate.currency", {"region", "cost_estimate", "currency"}),
        ("count(input.resources) > 3", set()),
        ("x := [r.name | some r in input.resources]", {"name"}),
        # a resource as a whole value: every field
        ("deny contains r if { some r in input.resources }", ALL),
        ('some r in input.resources\n msg := sprintf("%v", [r])', ALL),
        ("some r in input.resources\n count(r) > 3", ALL),
        ("some r in input.resources\n is_big(r)", ALL),
        ("x := [r | some r in input.resources]", ALL),
        ("r := input.resources[0]\n r == {}", ALL),
        ("input.resources[0] == {}", ALL),
        ("rs := input.resources\n rs[0].type", ALL),
        ("x := input", ALL),
        ('x := input["resources"]', ALL),
        ("import input.resources as rs", ALL),
        ("some r in input.resources\n v := r[k]", ALL),
        ("some k, v in input.resources[0]", ALL),
        ("x := walk(input)", ALL),
        ("s := json.marshal(input.resources[_])", ALL),
        ("o := object.keys(input.resources[0])", ALL),
        ('msg := "input" # input.resources as a whole', set()),
    ],
)
def test_resource_fields_are_those_a_policy_can_read(source: str, fields: set[str] | None) -> None:
    found = resource_fields(source)
    if fields is None:
        assert found is None
    else:
        assert found is not None and fields <= found
        assert not {"support_reason", "project", "before_monthly_cost"} & found


RESOURCES = (
    resource("aws_instance.big", "100", "400", tags={"team": "a"}, values={"instance_type": "m5.4xlarge", "tags": {}}),
)


def _messages(tmp_path: Path, body: str) -> list[Any]:
    (tmp_path / "p.rego").write_text(f"package p\n\n{body}\n")
    loaded = config("policies:\n  rego:\n    - path: p.rego\n", tmp_path)
    result = evaluate(estimate(*RESOURCES), loaded, today=date(2026, 1, 1))
    return sorted(f.message for f in result.findings if f.source == "rego")


def test_a_policy_returning_whole_resources_sees_every_field(tmp_path: Path) -> None:
    (whole,) = _messages(tmp_path, "warn contains r if {\n  some r in input.resources\n}")
    # the light fields; the heavy ones (components, values) keep their rule: named or read dynamically
    for field in ("support_reason", "project", "environment", "prior_monthly_cost", "module", "region"):
        assert f"'{field}'" in whole, whole
    (counted,) = _messages(tmp_path, 'warn contains sprintf("%d", [count(r)]) if {\n  some r in input.resources\n}')
    assert int(counted) == 17


def test_a_policy_naming_fields_reads_their_values(tmp_path: Path) -> None:
    messages = _messages(
        tmp_path,
        'warn contains sprintf("%s %s %v %s", [r.address, r.support_reason, r.monthly_cost, r["owner"]]) if {\n'
        "  some r in input.resources\n}",
    )
    assert messages == ["aws_instance.big priced from the catalog 400 a"]


@pytest.mark.parametrize(
    "bodies",
    [
        ["some r in input.resources\n r.monthly_cost > 5\n msg := r.address"],
        ["some r in input.resources\n r.values.instance_type == r.owner"],
        ["some r in input.resources\n r.project == r.environment", 'x := input.resources[_]["name"]'],
        ["some r in input.resources\n r.components[_].name", "count(input.resources) > 3"],
        ["deny contains r if { some r in input.resources }", "some r in input.resources\n r.type"],
    ],
)
def test_the_input_built_for_the_policies_fields_is_what_each_policy_saw_before(
    tmp_path: Path, bodies: list[str]
) -> None:
    """input_document(fields=policy_fields(...)) gives each policy the same resources as trimming
    the whole document per policy (`_for_policy`) did."""
    est = estimate(*RESOURCES)
    ctx = RuleContext(estimate=est, owners={("app", "aws_instance.big"): "a"})
    policies = [
        RegoPolicyFile(name=f"p{i}", path=tmp_path / f"p{i}.rego", package=f"p{i}", source=body)
        for i, body in enumerate(bodies)
    ]
    whole = input_document(ctx, est, {})
    built = input_document(ctx, est, {}, fields=policy_fields(policies))
    if policy_fields(policies) is not None:
        assert built["resources"] != whole["resources"]  # trimmed
    else:  # a policy reads resources whole: every field for every policy
        assert built["resources"] == whole["resources"]
    for policy in policies:
        needed, fields = fields_needed(policy.source), resource_fields(policy.source)
        assert _for_policy(built, needed, fields) == _for_policy(whole, needed, fields)
    assert built["cost_estimate"] == whole["cost_estimate"] and built["projects"] == whole["projects"]


def test_an_integer_past_64_bits_reaches_the_policy_as_the_nearest_number(tmp_path: Path) -> None:
    """ctypes wraps an integer outside int64 around without a word (2**70 became 0); it goes in as a float."""
    policy = RegoPolicyFile(
        name="echo",
        path=tmp_path / "echo.rego",
        package="echo",
        source="package echo\n\nwarn contains input if { true }\n",
    )
    found = query_rules(policy, {"big": 2**70, "small": -(2**70), "edge": 2**63 - 1}, ("warn",))
    assert found == {"warn": [{"big": float(2**70), "small": -float(2**70), "edge": 2**63 - 1}]}


@pytest.mark.parametrize(
    ("body", "reads"),
    [
        ("some r in input.resources\n r.monthly_cost > 5\n msg := r.address", False),
        ('t := input.teams["payments"]', True),
        ("some r in input.resources\n r.owner == null", True),
        ('some r in input.resources\n r["environment"] == "production"', True),
        ("deny contains r if { some r in input.resources }", True),  # whole resources
        ("k := object.keys(input)", True),  # reached without a name
    ],
)
def test_policies_not_reading_owners_start_before_the_gate_works_them_out(body: str, reads: bool) -> None:
    policy = RegoPolicyFile(name="p", path=Path("p.rego"), package="p", source=f"package p\n\n{body}\n")
    assert reads_gate_fields([policy], policy_fields([policy])) is reads


def test_a_policy_reading_teams_and_owners_sees_them(tmp_path: Path) -> None:
    """The early start is only for policies that cannot see owners, teams or environments: one
    that reads them gets the gate's values."""
    messages = _messages(
        tmp_path,
        'warn contains sprintf("%s %v", [r.owner, input.teams[r.owner].proposed_monthly_cost]) if {\n'
        "  some r in input.resources\n}",
    )
    assert messages == ["a 400"]
