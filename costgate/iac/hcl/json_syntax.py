"""Terraform's JSON configuration syntax (`*.tf.json`, what CDK for Terraform writes), as HCL text.

Why translate: a `.tf.json` file holds the same blocks as a `.tf` file, with every string a
template (`"${var.x}"`). Turning it into native syntax lets one parser, one compiler and one
evaluator serve both. What JSON cannot say by itself is whether an object is a nested block or a
map argument; Terraform asks the provider's schema, and so does this module (AWS, from the
shipped schema; elsewhere an object is an argument, which the pricers read the same way).
Messages about a translated file name the file; line numbers refer to the translation.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, Final

from costgate.errors import HclReaderError
from costgate.iac.hcl.schema import BlockSchema, resource_schema
from costgate.iac.hcl.templates import split_template
from costgate.iac.hcl.values import EvalError

__all__ = ["json_to_hcl"]

_META_BLOCKS: Final = frozenset({"lifecycle", "provisioner", "connection"})
_PROVIDER_BLOCKS: Final = frozenset({"default_tags", "features", "assume_role", "endpoints", "ignore_tags"})
_RAW_ARGUMENTS: Final = frozenset({"provider", "depends_on"})
"""Arguments whose JSON strings are expressions, not templates (`"provider": "aws.west"`)."""


def json_to_hcl(text: str, display: str) -> str:
    """Native-syntax text for a `.tf.json` document; raises HclReaderError for broken JSON."""
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise HclReaderError(f"{display}:{exc.lineno}:{exc.colno}: not valid JSON: {exc.msg}") from exc
    if not isinstance(document, dict):
        raise HclReaderError(f"{display}:1:1: a Terraform JSON file must hold an object")
    try:
        return "".join(_top(document))
    except EvalError as exc:
        raise HclReaderError(f"{display}: {exc}") from exc


def _bodies(value: Any) -> list[dict[str, Any]]:
    """A block body, or several (JSON allows an array wherever a block may repeat)."""
    if isinstance(value, dict):
        return [value]
    if isinstance(value, list):
        return [v for v in value if isinstance(v, dict)]
    return []


def _labelled(value: Any, depth: int) -> Iterator[tuple[list[str], dict[str, Any]]]:
    """(labels, body) for `depth` levels of labels above the bodies."""
    if depth == 0:
        for body in _bodies(value):
            yield [], body
        return
    for item in value if isinstance(value, list) else [value]:
        if not isinstance(item, dict):
            continue
        for label, inner in item.items():
            if label.startswith("//"):
                continue
            for labels, body in _labelled(inner, depth - 1):
                yield [label, *labels], body


def _top(document: dict[str, Any]) -> Iterator[str]:
    depth = {"resource": 2, "data": 2, "module": 1, "provider": 1, "variable": 1, "output": 1}
    for kind, value in document.items():
        if kind == "locals":
            for _labels, body in _labelled(value, 0):
                yield "locals {\n" + "".join(_argument(k, v) for k, v in body.items() if not k.startswith("//")) + "}\n"
        elif kind == "terraform":
            for _labels, body in _labelled(value, 0):
                providers = body.get("required_providers")
                for required in _bodies(providers):
                    yield "terraform {\n  required_providers {\n"
                    yield "".join(_argument(k, v) for k, v in required.items() if not k.startswith("//"))
                    yield "  }\n}\n"
        elif kind in depth:
            for labels, body in _labelled(value, depth[kind]):
                schema = (
                    resource_schema("aws", labels[0]) if kind == "resource" and labels[0].startswith("aws_") else None
                )
                yield _block(kind, labels, body, schema, kind)


def _block(kind: str, labels: list[str], body: dict[str, Any], schema: BlockSchema | None, top: str) -> str:
    head = " ".join([kind, *(json.dumps(label) for label in labels)])
    lines: list[str] = []
    for key, value in body.items():
        if key.startswith("//") or (top in ("resource", "data") and key == "dynamic"):
            continue
        nested = schema.blocks.get(key) if schema is not None else None
        is_block = (
            nested is not None
            or (top in ("resource", "data") and key in _META_BLOCKS)
            or (top == "provider" and key in _PROVIDER_BLOCKS)
            or (top == "variable" and key == "validation")
        )
        if is_block:
            for inner in _bodies(value):
                lines.append(_block(key, [], inner, nested[1] if nested else None, top))
        elif top == "variable" and key == "type" and isinstance(value, str):
            lines.append(f"  type = {value}\n")
        elif top == "module" and key == "providers" and isinstance(value, dict):
            pairs = ", ".join(f"{k} = {v}" for k, v in value.items() if isinstance(v, str))
            lines.append(f"  providers = {{ {pairs} }}\n")
        elif key in _RAW_ARGUMENTS:
            lines.append(f"  {key} = {_raw(value)}\n")
        else:
            lines.append(_argument(key, value))
    return f"{head} {{\n{''.join(lines)}}}\n"


def _raw(value: Any) -> str:
    """A string (or list of strings) that is an expression, not a template."""
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return "[" + ", ".join(_raw(v) for v in value) + "]"
    return _expression(value)


def _argument(key: str, value: Any) -> str:
    name = key if key.replace("_", "a").replace("-", "a").isalnum() and not key[:1].isdigit() else json.dumps(key)
    return f"  {name} = {_expression(value)}\n"


def _expression(value: Any) -> str:
    """Native syntax for a JSON value: strings are templates, the rest literal."""
    if isinstance(value, str):
        return _template(value)
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return json.dumps(value)
    if isinstance(value, list):
        return "[" + ", ".join(_expression(v) for v in value) + "]"
    if isinstance(value, dict):
        items = ", ".join(f"{_template(k)} = {_expression(v)}" for k, v in value.items() if not k.startswith("//"))
        return "{" + items + "}"
    raise EvalError(f"unsupported JSON value {value!r}")


def _template(text: str) -> str:
    """A quoted native template for a JSON string: literal parts escaped, `${...}` kept as is."""
    out: list[str] = []
    for part in split_template(text):
        if part.kind == "text":
            escaped = json.dumps(part.text)[1:-1].replace("${", "$${").replace("%{", "%%{")
            out.append(escaped)
        else:
            if part.kind == "interp":  # the native grammar has no strip markers in a quoted interpolation
                out.append(f"${{{part.text}}}")
            else:
                out.append(f"%{{{'~' if part.strip_left else ''}{part.text}{'~' if part.strip_right else ''}}}")
    return '"' + "".join(out) + '"'
