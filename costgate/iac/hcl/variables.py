"""Root module variable values, from every place Terraform takes them, in Terraform's order.

Lowest to highest: the declared default, TF_VAR_name environment variables, terraform.tfvars,
terraform.tfvars.json, *.auto.tfvars and *.auto.tfvars.json (in name order), then `--var-file`
files and `--var name=value` flags. Values given as text (environment, `--var`) are taken as
raw strings for string/number/bool variables and parsed as HCL otherwise (a string when the
text does not parse), as Terraform does; every value is then converted to the declared type.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from costgate.errors import HclReaderError
from costgate.iac.hcl.evaluation import NO_REFERENCES, Reading, variable_type
from costgate.iac.hcl.expressions import ExprCompiler, Pos, Scope
from costgate.iac.hcl.parsing import Body, ModuleConfig, _BodyBuilder, parse_expression_text, parse_file, root_body
from costgate.iac.hcl.types import convert
from costgate.iac.hcl.values import EvalError, Unknown

__all__ = ["root_variable_values"]


def _literal_file(path: Path, display: str) -> dict[str, Any]:
    """The assignments of a .tfvars (HCL) or .tfvars.json file; raises HclReaderError."""
    if path.name.endswith(".json"):
        try:
            data = json.loads(path.read_text(encoding="utf-8-sig"))
        except OSError as exc:
            raise HclReaderError(f"{display}: cannot read the file: {exc.strerror or exc}") from exc
        except ValueError as exc:
            raise HclReaderError(f"{display}: not valid JSON: {exc}") from exc
        if not isinstance(data, dict):
            raise HclReaderError(f"{display}: a variables file must hold a JSON object")
        return data
    tree = parse_file(path, display)
    body: Body = _BodyBuilder(ExprCompiler(display)).body(root_body(tree), Pos(display, 1, 1))
    if body.blocks:
        block = body.blocks[0]
        raise HclReaderError(f"{block.pos}: a variables file holds only assignments, not blocks ({block.type})")
    out: dict[str, Any] = {}
    for name, expr in body.attributes.items():
        try:
            out[name] = expr.fn(Scope(NO_REFERENCES))
        except EvalError as exc:
            raise HclReaderError(f"{expr.pos}: {name}: {exc}") from exc
    return out


def _from_text(text: str, primitive: bool, display: str) -> Any:
    """A `--var` or TF_VAR_ value: raw text for primitive types, else HCL (text if it fails)."""
    if primitive:
        return text
    try:
        tree = parse_expression_text(text, display)
        return ExprCompiler(display).compile(tree).fn(Scope(NO_REFERENCES))
    except (HclReaderError, EvalError):
        return text


def root_variable_values(
    config: ModuleConfig,
    reading: Reading,
    *,
    var_files: Sequence[Path],
    variables: Mapping[str, str],
    env: Mapping[str, str],
) -> dict[str, Any]:
    """Values of the root module's variables (Unknown for those with none, reported).

    Raises HclReaderError for an unreadable or broken var file, or a value that cannot be
    converted to its variable's type.
    """
    given: dict[str, tuple[Any, str]] = {}
    declared = config.variables
    for key, text in env.items():
        if key.startswith("TF_VAR_") and key[7:] in declared:
            name = key[7:]
            primitive = variable_type(declared[name], reading).primitive
            given[name] = (_from_text(text, primitive, f"environment variable {key}"), f"environment variable {key}")
    root = reading.root
    automatic = [root / "terraform.tfvars", root / "terraform.tfvars.json"]
    with contextlib.suppress(OSError):
        automatic += sorted(p for p in root.iterdir() if p.name.endswith((".auto.tfvars", ".auto.tfvars.json")))
    files = [(p, _display(reading, p)) for p in automatic if p.is_file()]
    files += [(p, str(p)) for p in var_files]
    for path, display in files:
        if not path.is_file():
            raise HclReaderError(f"{display}: var file not found")
        for name, value in _literal_file(path, display).items():
            if name not in declared:
                reading.warn(f"{display}: value for undeclared variable {name!r} ignored")
                continue
            given[name] = (value, display)
    for name, text in variables.items():
        if name not in declared:
            reading.warn(f"--var {name}: no variable {name!r} is declared in {reading.display}; ignored")
            continue
        primitive = variable_type(declared[name], reading).primitive
        given[name] = (_from_text(text, primitive, f"--var {name}"), f"--var {name}")
    values: dict[str, Any] = {}
    for name, decl in declared.items():
        spec = variable_type(decl, reading)
        if name in given:
            value, origin = given[name]
        elif "default" in decl.body.attributes:
            origin = f"{decl.pos}"
            try:
                value = decl.body.attributes["default"].fn(Scope(NO_REFERENCES))
            except EvalError as exc:
                raise HclReaderError(f"{decl.pos}: variable {name}: invalid default: {exc}") from exc
        else:
            reading.unknown(f"var.{name} has no value (give it with --var, a .tfvars file or TF_VAR_{name})")
            values[name] = Unknown(f"var.{name} (no value given)")
            continue
        try:
            values[name] = convert(value, spec)
        except EvalError as exc:
            raise HclReaderError(f"{origin}: invalid value for variable {name!r}: {exc}") from exc
    return values


def _display(reading: Reading, path: Path) -> str:
    return f"{reading.display}/{path.name}" if reading.display not in ("", ".") else path.name
