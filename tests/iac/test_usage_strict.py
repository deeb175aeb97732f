"""Usage files checked against what each pricer declares: unknown keys (with "did you mean"),
wrong value types and addresses matching no resource are warnings naming file:line, errors
under --strict; `usage init` checks an existing file the same way."""

from __future__ import annotations

import json
from pathlib import Path

from costgate.iac.usage_file import load_usage_file
from tests.helpers import FIXTURES, run_cli

NAT_PLAN = FIXTURES / "resources" / "aws" / "nat_gateway" / "plan.json"
TYPO = (
    "version: 0.1\n"  # 1
    "resource_usage:\n"  # 2
    "  aws_nat_gateway.public:\n"  # 3
    "    monthly_data_procesed_gb: 500\n"  # 4  typo
    "  aws_nat_gateway.publik:\n"  # 5  no such resource
    "    monthly_data_processed_gb: 10\n"  # 6
)


def _warnings(err: str) -> list[str]:
    return [line for line in err.splitlines() if line.startswith("costgate: warning: ") and "catalog" not in line]


def test_a_typo_key_warns_with_file_line_and_a_suggestion(tmp_path: Path) -> None:
    path = tmp_path / "usage.yml"
    path.write_text(TYPO)
    run = run_cli("breakdown", "--plan", str(NAT_PLAN), "--usage-file", str(path), "--format", "json")
    assert run.code == 0, run.err
    warnings = _warnings(run.err)
    assert (
        f"costgate: warning: {path}:4: aws_nat_gateway has no usage key 'monthly_data_procesed_gb' "
        "(did you mean 'monthly_data_processed_gb'?); it is not read" in warnings
    )
    assert any(
        w.startswith(f"costgate: warning: {path}:5: ")
        and "aws_nat_gateway.publik matches no resource" in w
        and "did you mean 'aws_nat_gateway.public'" in w
        for w in warnings
    ), warnings
    assert len(warnings) == 2, warnings


def test_strict_makes_the_first_problem_an_error(tmp_path: Path) -> None:
    path = tmp_path / "usage.yml"
    path.write_text(TYPO)
    run = run_cli("breakdown", "--plan", str(NAT_PLAN), "--usage-file", str(path), "--strict", "--format", "json")
    assert run.code == 2 and run.out == ""
    lines = run.err.strip().splitlines()
    assert lines[-1].startswith(f"costgate: error: {path}:4: ") and "(and 1 more problem(s))" in lines[-1]


def test_a_clean_file_raises_nothing_even_strict(tmp_path: Path) -> None:
    path = tmp_path / "usage.yml"
    path.write_text(
        "version: 0.1\nresource_usage:\n  aws_nat_gateway.public:\n    monthly_data_processed_gb: 5\n"
        "  aws_nat_gateway.with_usage:\n    monthly_data_processed_gb: 5\n"
        "resource_type_default_usage:\n  aws_nat_gateway: {monthly_data_processed_gb: 1}\n"
    )
    run = run_cli("breakdown", "--plan", str(NAT_PLAN), "--usage-file", str(path), "--strict", "--format", "json")
    assert run.code == 0, run.err
    assert _warnings(run.err) == []


def test_wrong_type_unknown_type_and_unmatched_wildcard(tmp_path: Path) -> None:
    path = tmp_path / "usage.yml"
    path.write_text(
        "version: 0.1\nresource_usage:\n"
        "  aws_data_transfer.eu-west-1:\n    region: 12\n"  # 3-4: region takes a string
        "  aws_nat_gatewy.x:\n    monthly_data_processed_gb: 1\n"  # 5: not a type costgate prices
        "  aws_nat_gateway.many[*]:\n    monthly_data_processed_gb: 1\n"
    )  # 7: matches nothing
    usage = load_usage_file(path)
    problems = {str(p) for p in usage.problems}
    assert f"{path}:4: aws_data_transfer usage key 'region' takes a string, not 12" in problems
    assert any(
        p.startswith(f"{path}:5: ") and "'aws_nat_gatewy'" in p and "did you mean 'aws_nat_gateway'" in p
        for p in problems
    ), problems
    unmatched = [str(p) for p in usage.unmatched(["aws_nat_gateway.public"])]
    assert unmatched == [f"{path}:7: resource_usage: aws_nat_gateway.many[*] matches no resource in the plan"]
    assert usage.unmatched(["aws_nat_gateway.many[3]"]) == []


def test_usage_init_says_how_many_keys_it_wrote_and_checks_like_breakdown(tmp_path: Path) -> None:
    path = tmp_path / "usage.yml"
    first = run_cli("usage", "init", "--plan", str(NAT_PLAN), "--usage-file", str(path))
    assert first.code == 0, first.err
    written = load_usage_file(path)
    keys = sum(len(v) for v in written.exact.values())
    assert keys > 0
    assert f"{path}: wrote {keys} keys for " in first.out
    path.write_text(TYPO)
    warned = run_cli("usage", "init", "--plan", str(NAT_PLAN), "--usage-file", str(path))
    assert warned.code == 0 and len(_warnings(warned.err)) == 2
    path.write_text(TYPO)
    strict = run_cli("usage", "init", "--plan", str(NAT_PLAN), "--usage-file", str(path), "--strict")
    assert strict.code == 2 and f"{path}:4: " in strict.err
    assert path.read_text() == TYPO  # nothing written
    assert json.loads(json.dumps(TYPO))  # the fixture text is unchanged between runs
