"""costgate.yml: a full config loads; broken ones exit 2 naming file:line and key; the
published JSON Schema is current and accepts the example."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from costgate.config import schema_text
from costgate.errors import ConfigError, PolicyError
from costgate.gate.references import load_checked_config as load_config
from costgate.gate.references import parse_checked_config as parse_config
from tests.helpers import REPO, load_yaml, run_cli

EXAMPLE = REPO / "examples" / "gate" / "costgate.yml"
SCHEMA = REPO / "docs" / "config.schema.json"

GOOD_REGO = 'package p\n\ndeny contains msg if {\n  false\n  msg := "x"\n}\n'

# (config text, expected line, fragments the one-line message must contain)
BAD = [
    ("version: 1\nbudgets:\n  - name: pay\n    montly_limit: 100\n", 4, ["budgets[0].montly_limit", "unknown key"]),
    ("version: 1\nbudgets:\n  - name: pay\n    monthly_limit: lots\n", 4, ["budgets[0].monthly_limit", "decimal"]),
    (
        "version: 1\nbudgets:\n  - name: pay\n    monthly_limit: 1e30\n",
        4,
        ["budgets[0].monthly_limit", "less than or equal to 1000000000000"],
    ),
    ("version: 2\n", 1, ["version"]),
    (
        "teams:\n  - name: a\nbudgets:\n  - name: b\n    team: z\n    monthly_limit: 1\n",
        5,
        ["budgets[0].team", "unknown team 'z'"],
    ),
    (
        "policies:\n  custom:\n    - id: big\n      message: m\n      where:\n        field: attributes.size\n        matches: '[a-'\n",
        7,
        ["policies.custom[0].where.matches", "bad regular expression"],
    ),
    (
        "policies:\n  custom:\n    - id: big\n      message: m\n      where: {field: colour, eq: red}\n",
        5,
        ["where.field", "unknown field 'colour'"],
    ),
    (
        "policies:\n  custom:\n    - id: big\n      message: m\n      where: {field: type, eq: a, ne: b}\n",
        5,
        ["exactly one operator"],
    ),
    ("policies:\n  rules:\n    CG999: {severity: block}\n", 3, ["policies.rules.CG999", "unknown rule"]),
    (
        "policies:\n  rules:\n    CG203:\n      params:\n        max_size: huge\n",
        5,
        ["policies.rules.CG203.params.max_size", "unknown size"],
    ),
    ("policies:\n  rules:\n    CG101: {params: {x: 1}}\n", 3, ["policies.rules.CG101.params.x", "unknown key"]),
    ("policies:\n  rules:\n    gp2-volume: {severity: fatal}\n", 3, ["policies.rules.gp2-volume.severity"]),
    ("waivers:\n  - rule: CG101\n    reason: ok\n    expires: someday\n", 4, ["waivers[0].expires"]),
    ("waivers:\n  - rule: CG777\n    reason: ok\n    expires: 2030-01-01\n", 2, ["waivers[0].rule", "unknown rule"]),
    ("budgets:\n  - name: b\n    team: a\n    project: p\n    monthly_limit: 1\n", 2, ["budgets[0]", "not both"]),
    (
        "budgets:\n  - name: b\n    current_spend: {source: config}\n    monthly_limit: 1\n",
        3,
        ["current_spend", "needs amount"],
    ),
    ("teams: [\n", 2, ["not valid YAML"]),
    ("- just\n- a list\n", 1, ["must be a mapping"]),
    ("policies:\n  rego:\n    - path: missing.rego\n", 3, ["policies.rego[0].path", "not found"]),
]


@pytest.mark.parametrize(("text", "line", "fragments"), BAD, ids=[b[2][0] for b in BAD])
def test_bad_config_names_line_and_key(tmp_path: Path, text: str, line: int, fragments: list[str]) -> None:
    path = tmp_path / "costgate.yml"
    path.write_text(text)
    with pytest.raises(ConfigError) as info:
        load_config(path)
    message = str(info.value)
    assert message.startswith(f"{path}:{line}: "), message
    for fragment in fragments:
        assert fragment in message
    run = run_cli("config", "validate", str(path))
    assert run.code == 2
    assert run.err.count("\n") == 1 and f"{path}:{line}" in run.err


@pytest.mark.parametrize(
    ("rego", "line", "fragment"),
    [
        ('package p\n\ndeny[msg] {\n  msg := "x"\n}\n', 3, "old Rego v0"),
        ("package p\n\nallow {\n  true\n}\n", 3, "without `if`"),
        ("package p\n\ndeny contains msg if {\n  msg := [\n}\n", 4, "Rego error"),
        ("deny contains msg if { msg := 1 }\n", None, "no `package`"),
    ],
)
def test_bad_rego_is_refused_naming_the_file(tmp_path: Path, rego: str, line: int | None, fragment: str) -> None:
    (tmp_path / "p.rego").write_text(rego)
    path = tmp_path / "costgate.yml"
    path.write_text("policies:\n  rego:\n    - path: p.rego\n")
    with pytest.raises(PolicyError) as info:
        load_config(path)
    message = str(info.value)
    where = f"{tmp_path / 'p.rego'}:{line}: " if line else f"{tmp_path / 'p.rego'}: "
    assert message.startswith(where) and fragment in message and f"{path}:3" in message
    run = run_cli("check", "--plan", str(REPO / "examples" / "gate" / "plan.json"), "--config", str(path))
    assert run.code == 2 and fragment in run.err and not run.out


def test_example_config_validates() -> None:
    run = run_cli("config", "validate", str(EXAMPLE))
    assert run.code == 0, run.err
    assert "2 team(s)" in run.out and "2 budget(s)" in run.out and "1 Rego policy" in run.out


def test_good_rego_loads(tmp_path: Path) -> None:
    (tmp_path / "p.rego").write_text(GOOD_REGO)
    path = tmp_path / "costgate.yml"
    path.write_text("policies:\n  rego:\n    - path: p.rego\n")
    assert load_config(path).config.policies.rego[0].path == "p.rego"


def test_missing_config_file(tmp_path: Path) -> None:
    run = run_cli("config", "validate", str(tmp_path / "nope.yml"))
    assert run.code == 2 and "config file not found" in run.err


def test_published_schema_is_current() -> None:
    assert SCHEMA.read_text() == schema_text(), "run `costgate config schema --out docs/config.schema.json`"
    run = run_cli("config", "schema")
    assert run.code == 0 and json.loads(run.out)["title"] == "costgate.yml"


def test_schema_accepts_the_example_and_rejects_a_typo() -> None:
    schema = json.loads(SCHEMA.read_text())
    data = load_yaml(EXAMPLE.read_text())
    # YAML dates arrive as date objects; the schema sees the JSON form
    doc = json.loads(json.dumps(data, default=str))
    jsonschema.validate(doc, schema)
    doc["budgets"][0]["montly_limit"] = 1
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(doc, schema)


def test_defaults_and_aliases(tmp_path: Path) -> None:
    loaded = parse_config(
        "policies:\n  custom:\n    - id: no-x\n      message: m\n      where:\n        not: {field: type, eq: x}\n",
        tmp_path / "c.yml",
    )
    cond = loaded.config.policies.custom[0].where
    assert cond.not_ is not None and cond.not_.field == "type"
    assert loaded.config.ownership.order == ["tags", "rules", "codeowners", "project"]
    assert loaded.config.policies.incomplete_estimate == "fail-open"


def test_documented_example_is_valid(tmp_path: Path) -> None:
    """The annotated example in docs/config.md loads as written."""
    text = (REPO / "docs" / "config.md").read_text()
    block = text.split("```yaml\n", 1)[1].split("```", 1)[0]
    (tmp_path / "policies").mkdir()
    (tmp_path / "policies" / "cost.rego").write_text(GOOD_REGO)
    (tmp_path / ".github").mkdir()
    (tmp_path / ".github" / "CODEOWNERS").write_text("* @acme/payments\n")
    loaded = parse_config(block, tmp_path / "costgate.yml")
    assert len(loaded.config.budgets) == 2 and loaded.config.policies.custom[0].id == "no-x-family"


@pytest.mark.parametrize(
    ("text", "line", "fragment"),
    [
        (
            "policies:\n  rules:\n    CG101: {severity: block}\n    cg101: {severity: info}\n",
            4,
            "policies.rules.cg101: 'cg101' and 'CG101' both set CG101 gp2-volume",
        ),
        ("policies:\n  rules:\n    CG101: {severity: block}\n    gp2-volume: {severity: info}\n", 4, "both set CG101"),
        (
            "policies:\n  rules:\n    CG101: {severity: block}\n    CG101: {severity: info}\n",
            4,
            "duplicate key 'CG101' (first on line 3)",
        ),
        ("waivers:\n  - rule: CG101\n    reason: ok\n    expires: 2026-02-30\n", 4, "not a valid date: '2026-02-30'"),
        (
            "teams: &t [{name: a}]\n"
            + "".join(
                f"x{i}: &x{i} [" + ", ".join([f"*{'t' if i == 0 else f'x{i - 1}'}"] * 10) + "]\n" for i in range(7)
            ),
            None,
            "alias bomb",
        ),
    ],
)
def test_hostile_configs_are_one_line_with_their_line(
    tmp_path: Path, text: str, line: int | None, fragment: str
) -> None:
    path = tmp_path / "costgate.yml"
    path.write_text(text)
    for argv in (
        ["config", "validate", str(path)],
        ["check", "--plan", str(EXAMPLE.parent / "plan.json"), "--config", str(path)],
    ):
        run = run_cli(*argv)
        assert run.code == 2 and fragment in run.err and run.err.count("\n") == 1, run.err
        assert run.err.startswith(f"costgate: error: {path}:{line if line else ''}")


def test_merge_keys_in_a_config(tmp_path: Path) -> None:
    loaded = parse_config(
        "budgets:\n  - &base\n    name: a\n    monthly_limit: 100\n    warn_at_percent: 50\n  - <<: *base\n    name: b\n",
        tmp_path / "c.yml",
    )
    a, b = loaded.config.budgets
    assert (b.name, b.monthly_limit, b.warn_at_percent) == ("b", a.monthly_limit, 50)


@pytest.mark.parametrize("codeowners", ["missing/CODEOWNERS", "/dev/zero"])
def test_validate_fails_where_check_fails(tmp_path: Path, codeowners: str) -> None:
    path = tmp_path / "costgate.yml"
    path.write_text(f"ownership:\n  codeowners: {codeowners}\n")
    validate = run_cli("config", "validate", str(path))
    check = run_cli("check", "--plan", str(EXAMPLE.parent / "plan.json"), "--config", str(path))
    assert validate.code == check.code == 2 and validate.err == check.err
    assert "CODEOWNERS file" in validate.err and validate.err.count("\n") == 1
