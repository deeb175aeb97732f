"""Custom YAML rules (the condition language), Rego policies (v1, input document), waivers
(expiry), verdict and fail-open/fail-closed."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from costgate.gate.engine import evaluate
from costgate.gate.model import Severity, Verdict
from costgate.model import Action
from costgate.resources.registry import Support
from tests.gate.helpers import config, estimate, resource

RESOURCES = (
    resource(
        "aws_instance.big",
        "100",
        "400",
        tags={"team": "a", "env": "dev"},
        values={"instance_type": "m5.4xlarge", "ebs_block_device": [{"volume_size": 500}], "tags": {}},
    ),
    resource("aws_instance.small", None, "20", tags={"team": "a"}, values={"instance_type": "t4g.small", "tags": {}}),
    resource("aws_s3_bucket.logs", None, "0", tags={"team": "b"}, values={"bucket": "logs", "tags": {}}),
)

CONDITIONS = [
    ("{field: type, eq: aws_instance}", {"aws_instance.big", "aws_instance.small"}),
    ("{field: attributes.instance_type, matches: '\\.4xlarge$'}", {"aws_instance.big"}),
    ("{field: cost.monthly, gt: 100}", {"aws_instance.big"}),
    ("{field: cost.delta, ge: 20}", {"aws_instance.big", "aws_instance.small"}),
    ("{field: cost.before, lt: 1}", {"aws_instance.small", "aws_s3_bucket.logs"}),
    ("{field: tags.env, exists: false}", {"aws_instance.small", "aws_s3_bucket.logs"}),
    ("{field: tags.team, in: [b, c]}", {"aws_s3_bucket.logs"}),
    ("{field: tags.team, not_in: [b]}", {"aws_instance.big", "aws_instance.small"}),
    ("{field: attributes.ebs_block_device.volume_size, ge: 500}", {"aws_instance.big"}),
    ("{field: attributes.ebs_block_device.0.volume_size, eq: '500'}", {"aws_instance.big"}),
    ("{field: owner, eq: a}", {"aws_instance.big", "aws_instance.small"}),
    ("{field: environment, eq: non-production}", {"aws_instance.big", "aws_instance.small", "aws_s3_bucket.logs"}),
    ("{field: address, contains: small}", {"aws_instance.small"}),
    ("{all: [{field: type, eq: aws_instance}, {not: {field: cost.monthly, gt: 100}}]}", {"aws_instance.small"}),
    (
        "{any: [{field: type, eq: aws_s3_bucket}, {field: attributes.instance_type, matches: '^t4g'}]}",
        {"aws_instance.small", "aws_s3_bucket.logs"},
    ),
    ("{field: attributes.missing, ne: x}", {"aws_instance.big", "aws_instance.small", "aws_s3_bucket.logs"}),
]


@pytest.mark.parametrize(("where", "expected"), CONDITIONS, ids=[c[0] for c in CONDITIONS])
def test_condition_language(tmp_path: Path, where: str, expected: set[str]) -> None:
    loaded = config(
        f"policies:\n  custom:\n    - id: probe\n      message: '{{address}} by {{owner}} costs {{monthly_cost}}'\n"
        f"      severity: block\n      where: {where}\n",
        tmp_path,
    )
    result = evaluate(estimate(*RESOURCES), loaded, today=date(2026, 1, 1))
    hits = [f for f in result.findings if f.code == "probe"]
    assert {f.address for f in hits} == expected
    if "aws_instance.big" in expected:
        big = next(f for f in hits if f.address == "aws_instance.big")
        assert big.message == "aws_instance.big by a costs $400.00" and big.line == 3 and big.source == "yaml"
    assert result.verdict is (Verdict.BLOCK if expected else Verdict.PASS)


REGO = """package costgate.cost

deny contains msg if {
	some r in input.resources
	r.type == "aws_instance"
	r.monthly_cost > 250
	not r.tags.approved
	msg := {"msg": sprintf("%s costs $%.2f", [r.address, r.monthly_cost]), "address": r.address}
}

warn contains msg if {
	input.cost_estimate.delta_monthly_cost > 300
	input.cost_estimate.prior_monthly_cost == 100
	input.teams.a.proposed_monthly_cost == 420
	msg := sprintf("adds $%.2f (now $%.2f)", [input.cost_estimate.delta_monthly_cost, input.cost_estimate.proposed_monthly_cost])
}
"""


def test_rego_policy_reads_the_documented_input(tmp_path: Path) -> None:
    (tmp_path / "cost.rego").write_text(REGO)
    loaded = config("policies:\n  rego:\n    - path: cost.rego\n", tmp_path)
    result = evaluate(estimate(*RESOURCES), loaded, today=date(2026, 1, 1))
    rego = [(f.code, f.severity, f.message, f.address, f.owner) for f in result.findings if f.source == "rego"]
    assert rego == [
        ("rego:cost", Severity.BLOCK, "aws_instance.big costs $400.00", "aws_instance.big", "a"),
        ("rego:cost", Severity.WARN, "adds $320.00 (now $420.00)", None, None),
    ]
    assert result.verdict is Verdict.BLOCK


def test_rego_strings_with_quotes_and_non_ascii(tmp_path: Path) -> None:
    """Module instance keys put quotes in addresses; rego-cpp's JSON text does not escape them."""
    (tmp_path / "q.rego").write_text(
        "package q\n\ndeny contains msg if {\n  some r in input.resources\n"
        '  msg := {"msg": sprintf("%s: café", [r.address]), "address": r.address}\n}\n'
    )
    loaded = config("policies:\n  rego:\n    - path: q.rego\n", tmp_path)
    est = estimate(resource('module.m["a"].aws_instance.x', None, "5", tags={"team": "a"}))
    result = evaluate(est, loaded, today=date(2026, 1, 1))
    (finding,) = [f for f in result.findings if f.source == "rego"]
    assert finding.message == 'module.m["a"].aws_instance.x: café' and finding.address == 'module.m["a"].aws_instance.x'


def test_rego_runtime_error_names_the_file(tmp_path: Path) -> None:
    (tmp_path / "bad.rego").write_text("package p\n\ndeny contains msg if {\n  msg := no_such_function(1)\n}\n")
    from costgate.errors import PolicyError

    with pytest.raises(PolicyError, match=r"bad\.rego.*no_such_function"):
        config("policies:\n  rego:\n    - path: bad.rego\n", tmp_path)


def test_waivers_apply_until_they_expire(tmp_path: Path) -> None:
    text = (
        "policies:\n  custom:\n    - id: probe\n      message: m\n      severity: block\n"
        "      where: {field: type, eq: aws_instance}\n"
        "waivers:\n  - rule: probe\n    address: 'aws_instance.b*'\n    reason: accepted until Q3\n    expires: 2026-07-01\n"
    )
    loaded = config(text, tmp_path)
    before = evaluate(estimate(*RESOURCES[:1]), loaded, today=date(2026, 6, 30))
    (probe,) = [f for f in before.findings if f.code == "probe"]
    assert before.verdict is not Verdict.BLOCK and probe.waived and probe.waiver_reason == "accepted until Q3"
    assert not before.expired_waivers
    after = evaluate(estimate(*RESOURCES[:1]), loaded, today=date(2026, 7, 1))
    (probe,) = [f for f in after.findings if f.code == "probe"]
    assert after.verdict is Verdict.BLOCK and not probe.waived
    assert after.expired_waivers == (
        "waiver for probe on aws_instance.b* expired on 2026-07-01 (accepted until Q3); "
        "it would have waived 1 finding(s)",
    )


def test_rule_settings_severity_disable_and_preview(tmp_path: Path) -> None:
    gp2 = resource("aws_ebs_volume.v", None, "10", tags={"team": "a"}, values={"type": "gp2", "tags": {}})
    magnetic = resource("aws_ebs_volume.m", None, "10", tags={"team": "a"}, values={"type": "standard", "tags": {}})
    base = "policies:\n  rules:\n    CG101: {severity: block}\n    magnetic-volume: {severity: block}\n"
    result = evaluate(estimate(gp2, magnetic), config(base, tmp_path), today=date(2026, 1, 1))
    sev = {f.code: f.severity for f in result.findings}
    assert sev == {"CG101": Severity.BLOCK, "CG107": Severity.WARN}, "a preview rule warns at most"
    result = evaluate(
        estimate(gp2, magnetic),
        config(base + "  preview: true\n  disable: [gp2-volume]\n", tmp_path),
        today=date(2026, 1, 1),
    )
    assert {f.code: f.severity for f in result.findings} == {"CG107": Severity.BLOCK}


@pytest.mark.parametrize(("mode", "verdict"), [("fail-open", Verdict.PASS), ("fail-closed", Verdict.BLOCK)])
def test_incomplete_estimate(tmp_path: Path, mode: str, verdict: Verdict) -> None:
    from dataclasses import replace

    unsupported = resource("aws_opensearch_domain.s", None, None, tags={"team": "a"})
    unsupported = replace(
        unsupported, support=Support.UNSUPPORTED, resource=replace(unsupported.resource, action=Action.CREATE)
    )
    result = evaluate(
        estimate(unsupported), config(f"policies:\n  incomplete_estimate: {mode}\n", tmp_path), today=date(2026, 1, 1)
    )
    assert result.incomplete and result.verdict is verdict
    assert [f.code for f in result.findings] == ["CG901"]
    assert any(mode in note for note in result.notes)


def test_rego_strings_from_builtins_have_no_quotes(tmp_path: Path) -> None:
    (tmp_path / "b.rego").write_text(
        'package b\n\ndeny contains upper("big") if { true }\nwarn contains concat(" ", ["two", "words"]) if { true }\n'
    )
    loaded = config("policies:\n  rego:\n    - path: b.rego\n", tmp_path)
    result = evaluate(estimate(*RESOURCES), loaded, today=date(2026, 1, 1))
    assert sorted(f.message for f in result.findings if f.source == "rego") == ["BIG", "two words"]


# Heavy resource fields (components, values) reach a policy only when it can read them: a policy
# that counts a resource's keys through object.keys sees every field; one that never names them
# gets a smaller input (the 20,000-resource plan's Rego memory, issue 15).
KEY_COUNT = (
    'package k\n\nwarn contains msg if {\n  some r in input.resources\n  r.address == "aws_instance.big"\n'
    '  msg := sprintf("%v", [{k | some k in object.keys(r); k in {"components", "before_components", "values"}}])\n}\n'
)
NAMES_COMPONENTS = (
    'package c\n\nwarn contains msg if {\n  some r in input.resources\n  r.address == "aws_instance.big"\n'
    '  msg := sprintf("components:%d values:%v", [count(r.components), r.values.instance_type])\n}\n'
)


def _warning(tmp_path: Path, source: str) -> str:
    (tmp_path / "p.rego").write_text(source)
    loaded = config("policies:\n  rego:\n    - path: p.rego\n", tmp_path)
    result = evaluate(estimate(*RESOURCES), loaded)
    (finding,) = [f for f in result.findings if f.source == "rego"]
    return finding.message


def test_a_policy_that_reads_fields_it_does_not_name_gets_them_all(tmp_path: Path) -> None:
    from costgate.gate.rego import HEAVY_FIELDS

    every = _warning(tmp_path, KEY_COUNT).replace('\\"', '"')
    assert all(f'"{field}"' in every for field in HEAVY_FIELDS), every
    named = _warning(tmp_path, NAMES_COMPONENTS)
    assert named.startswith("components:") and named.endswith("values:m5.4xlarge"), named
    # the same count, minus the heavy fields, when the policy cannot reach them
    from costgate.gate.rego import fields_needed

    assert fields_needed(KEY_COUNT) == frozenset(HEAVY_FIELDS)
    assert fields_needed(NAMES_COMPONENTS) == frozenset({"components", "values"})


@pytest.mark.parametrize(
    ("source", "needed"),
    [
        ("some r in input.resources\n r.monthly_cost > 5", set()),
        ('r := input.resources[_]\n r.values.instance_type == "x"', {"values"}),
        ("r := input.resources[_]\n count(r.before_components) > 0", {"before_components"}),
        ("some k, v in input.resources[0]", {"components", "before_components", "values"}),
        ("r := input.resources[i]\n x := r[key]", {"components", "before_components", "values"}),
        ("x := walk(input)", {"components", "before_components", "values"}),
        ("s := json.marshal(input.resources[_])", {"components", "before_components", "values"}),
    ],
)
def test_fields_needed_is_conservative(source: str, needed: set[str]) -> None:
    from costgate.gate.rego import fields_needed

    assert fields_needed(source) == needed


def test_policy_input_without_unnamed_heavy_fields() -> None:
    from costgate.gate.rego import _for_policy

    document = {
        "resources": [{"address": "a", "components": [1], "before_components": [], "values": {"x": 1}}],
        "cost_estimate": {},
    }
    assert _for_policy(document, frozenset())["resources"] == [{"address": "a"}]
    assert _for_policy(document, frozenset({"values"}))["resources"] == [{"address": "a", "values": {"x": 1}}]
    assert _for_policy(document, frozenset({"components", "before_components", "values"})) is document
