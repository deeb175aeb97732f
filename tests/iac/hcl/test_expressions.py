"""The expression evaluator against Terraform itself, and what it does with unknown values.

fixtures/expressions.json holds what `terraform console` says each expression of
expressions.txt evaluates to (made by scripts/make_hcl_expressions.py); every one must come
out the same, types included (1 is not "1", 2.5 is not 2).
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from costgate.iac.hcl.evaluation import NO_REFERENCES
from costgate.iac.hcl.expressions import ExprCompiler, Pos, Scope, Step
from costgate.iac.hcl.functions import call_function
from costgate.iac.hcl.parsing import parse_expression_text
from costgate.iac.hcl.reader import _plain
from costgate.iac.hcl.values import EvalError, Unknown

FIXTURES = Path(__file__).parent / "fixtures"
TABLE = json.loads((FIXTURES / "expressions.json").read_text())


def evaluate(text: str, context: Any = NO_REFERENCES) -> Any:
    return ExprCompiler("test.tf").compile(parse_expression_text(text, "test")).fn(Scope(context))


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, bool) or isinstance(b, bool):
        return type(a) is type(b) and a == b
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=False))
    return type(a) is type(b) and a == b


@pytest.mark.parametrize("row", TABLE, ids=[r["expression"][:60] for r in TABLE])
def test_evaluates_like_terraform(row: dict[str, Any]) -> None:
    got = _plain(evaluate(row["expression"]), "", [])
    assert _same(got, row["value"]), f"{row['expression']}: got {got!r}, Terraform says {row['value']!r}"


def _script() -> Any:
    import importlib.util

    from tests.helpers import REPO

    spec = importlib.util.spec_from_file_location("make_hcl_expressions", REPO / "scripts" / "make_hcl_expressions.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_table_covers_every_expression_written() -> None:
    assert [r["expression"] for r in TABLE] == _script().read_expressions(), "run scripts/make_hcl_expressions.py"


@pytest.mark.skipif(shutil.which("terraform") is None, reason="terraform is not installed")
def test_fixture_is_what_terraform_says_now() -> None:
    assert _script().main(["--check"]) == 0


class _DataContext:
    """References to data sources are unknown, as in HCL mode."""

    root_dir = Path(".")

    def resolve(self, root: str, steps: Sequence[Step], scope: Scope, pos: Pos) -> tuple[Any, int]:
        return Unknown(f"{root}.{steps[0][1]}.{steps[1][1]}"), 2

    def call(self, name: str, args: list[Any], pos: Pos) -> Any:
        return call_function(name, args, self)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "text",
    [
        "data.aws_ami.x.id",
        "length(data.aws_azs.all.names)",
        "data.a.b.c + 1",
        '"prefix-${data.a.b.name}"',
        "upper(data.a.b.name)",
        "[for z in data.a.b.names : z]",
        "data.a.b.flag ? 1 : 2",
        'join(",", ["x", data.a.b.name])',
        "toset([data.a.b.name])",
        "{ (data.a.b.key) = 1 }",
    ],
)
def test_unknown_operands_give_unknown_results_with_their_origin(text: str) -> None:
    value = evaluate(text, _DataContext())
    assert isinstance(value, Unknown)
    assert value.reason.startswith("data.a")


def test_unknown_elements_stay_inside_known_collections() -> None:
    assert _plain(evaluate("length([data.a.b.x, 2])", _DataContext()), "", []) == 2
    unknown: list[str] = []
    value = _plain(evaluate('merge({ a = data.a.b.x }, { b = "y" })', _DataContext()), "", unknown)
    assert value == {"b": "y"} and unknown == ["a"]
    assert evaluate("false && data.a.b.x", _DataContext()) is False
    assert evaluate("true || data.a.b.x", _DataContext()) is True


@pytest.mark.parametrize(
    "text",
    ["[1, 2][5]", "{ a = 1 }.b", '1 + "x"', 'tonumber("x")', "element([], 0)", 'lookup({}, "k")', "null.x"],
)
def test_errors_terraform_would_raise_are_eval_errors(text: str) -> None:
    with pytest.raises(EvalError):
        evaluate(text)
    assert evaluate(f'try({text}, "ok")') == "ok"
    assert evaluate(f"can({text})") is False


def test_functions_known_only_at_apply_are_unknown() -> None:
    for text in ("timestamp()", "uuid()", 'bcrypt("x")', "not_a_function(1)"):
        assert isinstance(evaluate(text), Unknown), text


def test_heredoc_templates_with_directives_and_indentation() -> None:
    text = '<<-EOT\n    %{ for n in ["a", "b"] ~}\n    ${n}\n    %{ endfor ~}\n    end $${literal}\n  EOT\n'
    assert evaluate(text) == "    a\n    b\n    end ${literal}\n"  # what Terraform 1.11 gives
