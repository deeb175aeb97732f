"""Variable type constraints (`type = map(object({...}))`) and the conversions Terraform applies.

Why: a value given as `--var count=3` or `TF_VAR_sizes='["a"]'` is text; Terraform converts it
to the declared type before anything reads it (a number where a number is declared, a set
where a set is, optional object attributes filled in). Evaluation must see the same values.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from lark import Token, Tree

from costgate.iac.hcl.expressions import to_bool, to_number, to_string
from costgate.iac.hcl.values import EvalError, TfSet, Unknown, make_set, type_name

__all__ = ["ANY", "TypeSpec", "convert", "parse_type"]


@dataclass(frozen=True, slots=True)
class TypeSpec:
    """A type constraint: kind is any/string/number/bool/list/set/map/object/tuple."""

    kind: str
    element: TypeSpec | None = None
    attributes: Mapping[str, TypeSpec] = field(default_factory=dict)
    optional: Mapping[str, Any] = field(default_factory=dict)
    items: tuple[TypeSpec, ...] = ()

    @property
    def primitive(self) -> bool:
        """string, number or bool: `--var` values of these types are taken as raw text."""
        return self.kind in ("string", "number", "bool")


ANY = TypeSpec("any")


def _kids(tree: Tree[Token]) -> list[Tree[Token]]:
    return [c for c in tree.children if isinstance(c, Tree) and c.data != "new_line_or_comment"]


def parse_type(tree: Tree[Token], default_of: Callable[[Tree[Token]], Any]) -> TypeSpec:
    """A TypeSpec from a type expression tree; `default_of` evaluates optional() defaults.

    Raises EvalError for something that is not a type.
    """
    while tree.data == "expr_term" and len(_kids(tree)) == 1:
        tree = _kids(tree)[0]
    if tree.data == "identifier":
        name = str(tree.children[0])
        if name in ("any", "string", "number", "bool"):
            return TypeSpec(name)
        raise EvalError(f"unknown type {name!r}")
    if tree.data != "function_call":
        raise EvalError("not a type constraint")
    name = str(_kids(tree)[0].children[0])
    arguments = [k for k in _kids(tree) if k.data == "arguments"]
    args = _kids(arguments[0]) if arguments else []
    if name in ("list", "set", "map") and len(args) == 1:
        return TypeSpec(name, element=parse_type(args[0], default_of))
    if name == "tuple" and len(args) == 1:
        inner = args[0]
        while inner.data == "expr_term":
            inner = _kids(inner)[0]
        return TypeSpec("tuple", items=tuple(parse_type(k, default_of) for k in _kids(inner)))
    if name == "object" and len(args) == 1:
        inner = args[0]
        while inner.data == "expr_term":
            inner = _kids(inner)[0]
        attributes: dict[str, TypeSpec] = {}
        optional: dict[str, Any] = {}
        for elem in _kids(inner):
            key_node, value_node = _kids(elem)[0], _kids(elem)[-1]
            key = "".join(str(t) for t in key_node.scan_values(lambda v: isinstance(v, Token)) if str(t) != '"')
            spec_node = value_node
            while spec_node.data == "expr_term" and len(_kids(spec_node)) == 1:
                spec_node = _kids(spec_node)[0]
            if spec_node.data == "function_call" and str(_kids(spec_node)[0].children[0]) == "optional":
                opt_args = _kids(next(k for k in _kids(spec_node) if k.data == "arguments"))
                attributes[key] = parse_type(opt_args[0], default_of)
                optional[key] = default_of(opt_args[1]) if len(opt_args) > 1 else None
            else:
                attributes[key] = parse_type(value_node, default_of)
        return TypeSpec("object", attributes=attributes, optional=optional)
    raise EvalError(f"unknown type constraint {name}()")


def convert(value: Any, spec: TypeSpec) -> Any:
    """`value` converted to `spec` as Terraform converts variable values; raises EvalError."""
    if value is None or isinstance(value, Unknown) or spec.kind == "any":
        return value
    kind = spec.kind
    if kind == "string":
        if isinstance(value, (list, tuple, dict)):
            raise EvalError(f"a string is required, got {type_name(value)}")
        return to_string(value)
    if kind == "number":
        return to_number(value)
    if kind == "bool":
        return to_bool(value)
    element = spec.element or ANY
    if kind in ("list", "set"):
        if isinstance(value, dict) or not isinstance(value, (list, tuple)):
            raise EvalError(f"a {kind} is required, got {type_name(value)}")
        items = [convert(v, element) for v in value]
        return make_set(items) if kind == "set" else items
    if kind == "map":
        if not isinstance(value, dict):
            raise EvalError(f"a map is required, got {type_name(value)}")
        return {k: convert(v, element) for k, v in value.items()}
    if kind == "tuple":
        if not isinstance(value, (list, tuple)) or (isinstance(value, TfSet) and False):
            raise EvalError(f"a tuple is required, got {type_name(value)}")
        if len(value) != len(spec.items):
            raise EvalError(f"a tuple of {len(spec.items)} elements is required, got {len(value)}")
        return [convert(v, s) for v, s in zip(value, spec.items, strict=True)]
    if not isinstance(value, dict):
        raise EvalError(f"an object is required, got {type_name(value)}")
    out: dict[str, Any] = {}
    for name, attribute in spec.attributes.items():
        if name in value and value[name] is not None:
            out[name] = convert(value[name], attribute)
        elif name in spec.optional:
            default = spec.optional[name]
            out[name] = convert(default, attribute) if default is not None else None
        elif name in value:
            out[name] = None
        else:
            raise EvalError(f"attribute {name!r} is required")
    return out
