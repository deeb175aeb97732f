"""Compile python-hcl2's parse tree into closures that evaluate HCL expressions.

Why compile: a module called 2,000 times evaluates the same expressions 2,000 times, so the
Lark tree is walked once per expression and turned into nested Python closures; evaluating an
instance is then only calls. Each compiled `Expr` also lists the references it makes
(`var.x`, `aws_instance.web`, `data.aws_ami.x`, `module.m`), which give Resource.refs and the
reasons an unknown value is unknown.

Semantics follow Terraform (HCL + cty): unknown operands make unknown results, templates that
are one interpolation keep the value's type, map iteration is in key order, `try`/`can` catch
evaluation errors. What the evaluator cannot know is an `Unknown`, never a guess.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Final, Protocol

import hcl2
from lark import Token, Tree
from lark.exceptions import LarkError

from costgate.iac.hcl.templates import TemplatePart, heredoc_body, split_template
from costgate.iac.hcl.values import AfterApply, EvalError, Lazy, TfSet, Unknown, type_name

__all__ = [
    "Context",
    "Expr",
    "ExprCompiler",
    "Pos",
    "Scope",
    "Step",
    "apply_steps",
    "force",
    "get_attr",
    "get_index",
    "tf_equal",
    "to_bool",
    "to_number",
    "to_string",
]

Fn = Callable[["Scope"], Any]
Step = tuple[bool, Any]
"""(True, attribute name) or (False, compiled index expression)."""


@dataclass(frozen=True, slots=True)
class Pos:
    """Where an expression was written: `file:line:col` in messages."""

    file: str
    line: int
    column: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"


class Context(Protocol):
    """What expressions need from the module instance they are evaluated in."""

    def resolve(self, root: str, steps: Sequence[Step], scope: Scope, pos: Pos) -> tuple[Any, int]:
        """The value a reference rooted at `root` names and how many of `steps` it used."""
        ...

    def call(self, name: str, args: list[Any], pos: Pos) -> Any:
        """Call the Terraform function `name`."""
        ...


class Scope:
    """A module instance (`context`) plus names bound locally (each, count, for variables)."""

    __slots__ = ("bindings", "context")

    def __init__(self, context: Context, bindings: Mapping[str, Any] | None = None) -> None:
        self.context = context
        self.bindings: Mapping[str, Any] = bindings or {}

    def child(self, extra: Mapping[str, Any]) -> Scope:
        """This scope with more local names (a for expression's variables)."""
        return Scope(self.context, {**self.bindings, **extra})


@dataclass(frozen=True, slots=True)
class Expr:
    """A compiled expression: call `evaluate(scope)`; `references` lists what it reads."""

    fn: Fn
    pos: Pos
    references: tuple[str, ...] = ()
    constant: bool = False
    traversals: tuple[tuple[str, tuple[Step, ...]], ...] = ()
    """The references as (root, steps) (`aws_eip.nat[each.key].id`), names bound inside the
    expression left out: the reader follows them to the resource instance they select."""

    def evaluate(self, scope: Scope) -> Any:
        """The value, Unknown where it cannot be known; raises EvalError like Terraform would."""
        return self.fn(scope)


# --- conversions ---------------------------------------------------------------------------


def to_number(value: Any) -> int | float:
    """A number from a number or a numeric string (Terraform converts "3" to 3)."""
    if isinstance(value, bool) or value is None:
        raise EvalError(f"a number is required, got {type_name(value)}")
    if isinstance(value, (int, float)):
        return value
    if isinstance(value, str):
        try:
            number = float(value.strip())
        except ValueError:
            raise EvalError(f"a number is required, got string {value!r}") from None
        return normalize_number(number)
    raise EvalError(f"a number is required, got {type_name(value)}")


def normalize_number(number: int | float) -> int | float:
    """Integral floats become ints (5/1 is 5, as in a plan's JSON)."""
    if isinstance(number, float) and number.is_integer() and abs(number) < 2**63:
        return int(number)
    return number


def to_bool(value: Any) -> bool:
    """A bool from a bool or "true"/"false"."""
    if isinstance(value, bool):
        return value
    if value == "true":
        return True
    if value == "false":
        return False
    raise EvalError(f"a bool is required, got {type_name(value)}")


def format_number(value: int | float) -> str:
    """A number as Terraform writes it in a string (no trailing .0)."""
    value = normalize_number(value)
    if isinstance(value, int):
        return str(value)
    if math.isinf(value) or math.isnan(value):
        raise EvalError("a number is not finite")
    text = repr(value)
    if "e" in text:
        text = f"{value:f}".rstrip("0").rstrip(".")
    return text


def to_string(value: Any) -> str:
    """A string from a primitive value, as template interpolation converts it."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return format_number(value)
    if value is None:
        raise EvalError("a null value cannot be used as a string")
    raise EvalError(f"a string is required, got {type_name(value)}")


def tf_equal(a: Any, b: Any) -> bool:
    """Terraform equality: types matter (1 != "1", true != 1), collections compare deeply."""
    if isinstance(a, bool) or isinstance(b, bool):
        return isinstance(a, bool) and isinstance(b, bool) and a == b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return a == b
    if isinstance(a, Mapping) and isinstance(b, Mapping):
        return a.keys() == b.keys() and all(tf_equal(a[k], b[k]) for k in a)
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        return len(a) == len(b) and all(tf_equal(x, y) for x, y in zip(a, b, strict=True))
    return type(a) is type(b) and bool(a == b)


def _primitive_kind(value: Any) -> str | None:
    if isinstance(value, str):
        return "string"
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, (int, float)):
        return "number"
    return None


def unify(value: Any, other: Any) -> Any:
    """`value` converted to the type Terraform gives both results of a conditional.

    cty unifies a string with a number or bool as a string (`true ? 1 : "2"` is "1"), and does
    so attribute by attribute in objects with the same attributes and element by element in
    lists; other combinations are left as they are.
    """
    if isinstance(value, Unknown) or isinstance(other, Unknown) or other is None:
        return value
    mine, theirs = _primitive_kind(value), _primitive_kind(other)
    if mine is not None and theirs is not None:
        return to_string(value) if mine != theirs and "string" in (mine, theirs) else value
    if isinstance(value, dict) and isinstance(other, dict) and value.keys() == other.keys():
        return {k: unify(v, other[k]) for k, v in value.items()}
    if isinstance(value, list) and isinstance(other, (list, tuple)):
        kinds = {_primitive_kind(v) for v in [*value, *other]}
        if "string" in kinds and kinds & {"number", "bool"} and None not in kinds:
            return [to_string(v) if not isinstance(v, Unknown) else v for v in value]
    return value


# --- traversal ----------------------------------------------------------------------------


def force(value: Any) -> Any:
    """Evaluate lazy objects (module outputs) at the top of a value and one level down."""
    if isinstance(value, Lazy):
        return value.force()
    if isinstance(value, list) and value and isinstance(value[0], Lazy):
        return [v.force() if isinstance(v, Lazy) else v for v in value]
    if isinstance(value, dict) and value and isinstance(next(iter(value.values())), Lazy):
        return {k: v.force() if isinstance(v, Lazy) else v for k, v in value.items()}
    return value


def get_attr(value: Any, name: str) -> Any:
    """`value.name`, as Terraform reads an attribute (a map's key works too)."""
    if isinstance(value, dict):
        if name in value:
            return value[name]
        if isinstance(value, AfterApply):
            return value.missing(name)
        raise EvalError(f"this object does not have an attribute named {name!r}")
    if isinstance(value, Unknown):
        return value
    if isinstance(value, Lazy):
        return value.attr(name)
    if value is None:
        raise EvalError(f"attempt to get attribute {name!r} from a null value")
    raise EvalError(f"cannot read attribute {name!r} of a {type_name(value)} value")


def get_index(value: Any, key: Any) -> Any:
    """`value[key]`: a list element by number or a map element by string."""
    if isinstance(value, Unknown):
        return value
    if isinstance(key, Unknown):
        return key
    if isinstance(value, (list, tuple)) and not isinstance(value, TfSet):
        number = to_number(key)
        if not isinstance(number, int) and not float(number).is_integer():
            raise EvalError(f"a list index must be a whole number, got {number}")
        index = int(number)
        if index < 0 or index >= len(value):
            raise EvalError(f"index {index} is out of range for a list of {len(value)} elements")
        return value[index]
    if isinstance(value, dict):
        text = to_string(key)
        if text in value:
            return value[text]
        if isinstance(value, AfterApply):
            return value.missing(text)
        raise EvalError(f"the map has no element for the key {text!r}")
    if isinstance(value, Lazy):
        return value.attr(to_string(key))
    if value is None:
        raise EvalError("attempt to index a null value")
    raise EvalError(f"a {type_name(value)} value cannot be indexed")


def apply_steps(value: Any, steps: Sequence[Step], start: int, scope: Scope) -> Any:
    """Apply attribute and index steps from `start` on."""
    for i in range(start, len(steps)):
        is_attr, arg = steps[i]
        value = get_attr(value, arg) if is_attr else get_index(value, arg(scope))
    return value


def _splat(value: Any) -> list[Any] | Unknown:
    """The elements a splat applies to: a list's, a single value wrapped, null as []."""
    if isinstance(value, Unknown):
        return value
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        return list(value)
    return [value]


# --- operators ------------------------------------------------------------------------------


def _arith(op: str) -> Callable[[Any, Any], Any]:
    """An arithmetic operator: exact on whole numbers, decimal (not binary) on fractions.

    Terraform computes with arbitrary-precision decimals, so 0.1 + 0.2 is 0.3; binary floats
    would give 0.30000000000000004 and a different string in a name or a tag.
    """

    def run(a: Any, b: Any) -> Any:
        x, y = to_number(a), to_number(b)
        if type(x) is int and type(y) is int and op in "+-*":
            return x + y if op == "+" else x - y if op == "-" else x * y
        if op in "/%" and y == 0:
            raise EvalError("division by zero")
        dx, dy = (
            Decimal(repr(x)) if isinstance(x, float) else Decimal(x),
            Decimal(repr(y)) if isinstance(y, float) else Decimal(y),
        )
        if op == "+":
            result = dx + dy
        elif op == "-":
            result = dx - dy
        elif op == "*":
            result = dx * dy
        elif op == "/":
            result = dx / dy
        else:
            result = dx % dy  # truncated, like Go and Terraform: -7 % 3 is -1
        if result == result.to_integral_value() and abs(result) < 2**63:
            return int(result)
        return float(result)

    return run


def _compare(op: str) -> Callable[[Any, Any], bool]:
    def run(a: Any, b: Any) -> bool:
        x, y = to_number(a), to_number(b)
        if op == "<":
            return x < y
        if op == ">":
            return x > y
        if op == "<=":
            return x <= y
        return x >= y

    return run


_BINARY: Final[dict[str, Callable[[Any, Any], Any]]] = {
    **{op: _arith(op) for op in "+-*/%"},
    **{op: _compare(op) for op in ("<", ">", "<=", ">=")},
    "==": tf_equal,
    "!=": lambda a, b: not tf_equal(a, b),
}


# --- the compiler ---------------------------------------------------------------------------


def _kids(tree: Tree[Token]) -> list[Tree[Token]]:
    """The sub-trees of a node, newlines and comments left out."""
    return [c for c in tree.children if isinstance(c, Tree) and c.data != "new_line_or_comment"]


def _token_text(tree: Tree[Token]) -> str:
    """The text of a node that holds one token (identifier, int_lit...)."""
    token = tree.children[0]
    return str(token.value) if isinstance(token, Token) else ""


_ESCAPES: Final[dict[str, str]] = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\"}


def unescape(text: str) -> str:
    """The characters of a quoted string's literal part (`\\n`, `\\"`, `\\u00e9`...)."""
    if "\\" not in text:
        return text
    out: list[str] = []
    i, n = 0, len(text)
    while i < n:
        char = text[i]
        if char == "\\" and i + 1 < n:
            nxt = text[i + 1]
            if nxt in _ESCAPES:
                out.append(_ESCAPES[nxt])
                i += 2
                continue
            if nxt in "uU":
                width = 4 if nxt == "u" else 8
                digits = text[i + 2 : i + 2 + width]
                try:
                    out.append(chr(int(digits, 16)))
                    i += 2 + width
                    continue
                except ValueError:
                    pass
        out.append(char)
        i += 1
    return "".join(out)


@dataclass(slots=True)
class _Node:
    """One piece of a template: text, an interpolation, an if or a for directive."""

    kind: str
    text: str = ""
    fn: Fn | None = None
    names: tuple[str, ...] = ()
    body: list[_Node] = field(default_factory=list)
    other: list[_Node] = field(default_factory=list)
    strip_left: bool = False
    strip_right: bool = False


class ExprCompiler:
    """Compiles the expressions of one file; positions in messages name that file."""

    def __init__(self, file: str) -> None:
        self.file = file
        self._refs: list[str] = []
        self._traversals: list[tuple[str, tuple[Step, ...]]] = []
        self._bound: list[tuple[str, ...]] = []

    def pos(self, node: Tree[Token] | Token) -> Pos:
        """The position of a tree or token."""
        if isinstance(node, Token):
            return Pos(self.file, node.line or 0, node.column or 0)
        meta = node.meta
        return Pos(self.file, getattr(meta, "line", 0) or 0, getattr(meta, "column", 0) or 0)

    def compile(self, tree: Tree[Token]) -> Expr:
        """Compile one expression tree."""
        saved, saved_traversals = self._refs, self._traversals
        self._refs, self._traversals = [], []
        try:
            fn = self._expr(tree)
            refs = tuple(dict.fromkeys(self._refs))
            traversals = tuple(self._traversals)
        finally:
            self._refs, self._traversals = saved, saved_traversals
        self._refs.extend(refs)
        self._traversals.extend(traversals)
        constant = not refs and not _calls_functions(tree)
        return Expr(fn=fn, pos=self.pos(tree), references=refs, constant=constant, traversals=traversals)

    # -- dispatch

    def _expr(self, tree: Tree[Token]) -> Fn:
        kind = tree.data
        method = getattr(self, f"_c_{kind}", None)
        if method is None:
            raise EvalError(f"{self.pos(tree)}: unsupported expression {kind}")
        fn: Fn = method(tree)
        return fn

    def _c_expr_term(self, tree: Tree[Token]) -> Fn:
        kids = _kids(tree)
        if len(kids) == 1:
            return self._expr(kids[0])
        raise EvalError(f"{self.pos(tree)}: malformed expression")

    def _c_int_lit(self, tree: Tree[Token]) -> Fn:
        value = int(_token_text(tree))
        return lambda _s: value

    def _c_float_lit(self, tree: Tree[Token]) -> Fn:
        value = normalize_number(float(_token_text(tree)))
        return lambda _s: value

    def _c_literal_value(self, tree: Tree[Token]) -> Fn:
        text = _token_text(tree)
        value = True if text == "true" else False if text == "false" else None
        return lambda _s: value

    def _c_identifier(self, tree: Tree[Token]) -> Fn:
        return self._traversal(_token_text(tree), [], tree)

    def _c_tuple(self, tree: Tree[Token]) -> Fn:
        items = [self._expr(k) for k in _kids(tree)]
        return lambda s: [f(s) for f in items]

    def _c_object(self, tree: Tree[Token]) -> Fn:
        elems: list[tuple[str | None, Fn | None, Fn]] = []
        for elem in _kids(tree):
            key_node, value_node = _kids(elem)[0], _kids(elem)[-1]
            inner = _kids(key_node)[0]
            name = _bare_name(inner)
            if name is not None:
                elems.append((name, None, self._expr(value_node)))
            else:
                elems.append((None, self._expr(inner), self._expr(value_node)))

        def run(scope: Scope) -> Any:
            out: dict[str, Any] = {}
            for name, key_fn, value_fn in elems:
                if key_fn is not None:
                    key = key_fn(scope)
                    if isinstance(key, Unknown):
                        return key
                    name = to_string(key)
                assert name is not None
                out[name] = value_fn(scope)
            return out

        return run

    def _c_conditional(self, tree: Tree[Token]) -> Fn:
        cond, then, other = (self._expr(k) for k in _kids(tree))

        def run(scope: Scope) -> Any:
            test = cond(scope)
            if isinstance(test, Unknown):
                return test
            chosen, other_fn = (then, other) if to_bool(test) else (other, then)
            value = chosen(scope)
            if isinstance(value, (bool, int, float, dict, list)):
                try:
                    alternative = other_fn(scope)
                except EvalError:
                    return value
                return unify(value, alternative)
            return value

        return run

    def _c_binary_op(self, tree: Tree[Token]) -> Fn:
        left_node, term = _kids(tree)
        operator_node, right_node = _kids(term)
        op = _token_text(operator_node).strip().split()[-1] if _token_text(operator_node).strip() else ""
        left, right = self._expr(left_node), self._expr(right_node)
        if op in ("&&", "||"):
            is_and = op == "&&"

            def logic(scope: Scope) -> Any:
                a = left(scope)
                if not isinstance(a, Unknown) and to_bool(a) is not is_and:
                    return not is_and
                b = right(scope)
                if isinstance(a, Unknown):
                    if not isinstance(b, Unknown) and to_bool(b) is not is_and:
                        return not is_and
                    return a
                if isinstance(b, Unknown):
                    return b
                return to_bool(b)

            return logic
        operation = _BINARY.get(op)
        if operation is None:
            raise EvalError(f"{self.pos(tree)}: unknown operator {op!r}")

        def run(scope: Scope) -> Any:
            a, b = left(scope), right(scope)
            if isinstance(a, Unknown):
                return a
            if isinstance(b, Unknown):
                return b
            return operation(a, b)

        return run

    def _c_unary_op(self, tree: Tree[Token]) -> Fn:
        op = str(tree.children[0]).strip()
        operand = self._expr(_kids(tree)[0])
        if op == "!":

            def negate(scope: Scope) -> Any:
                value = operand(scope)
                return value if isinstance(value, Unknown) else not to_bool(value)

            return negate

        def minus(scope: Scope) -> Any:
            value = operand(scope)
            return value if isinstance(value, Unknown) else normalize_number(-to_number(value))

        return minus

    # -- references, attributes, indexes, splats

    def _chain(self, tree: Tree[Token]) -> tuple[Tree[Token], list[Step]]:
        """Flatten `a.b[c].d` into its base and steps."""
        steps: list[Step] = []
        node = tree
        while True:
            if node.data == "expr_term":
                kids = _kids(node)
                if len(kids) != 1 or any(isinstance(c, Token) for c in node.children):
                    break
                node = kids[0]
            elif node.data == "get_attr_expr_term":
                base, attr = _kids(node)
                steps.append((True, _token_text(_kids(attr)[0])))
                node = base
            elif node.data == "index_expr_term":
                base, index = _kids(node)
                steps.append((False, self._index(index)))
                node = base
            else:
                break
        steps.reverse()
        return node, steps

    def _index(self, index: Tree[Token]) -> Fn:
        if index.data == "short_index":
            value = int(str(index.children[-1]))
            return lambda _s: value
        return self._expr(_kids(index)[0])

    def _c_get_attr_expr_term(self, tree: Tree[Token]) -> Fn:
        return self._access(tree)

    def _c_index_expr_term(self, tree: Tree[Token]) -> Fn:
        return self._access(tree)

    def _access(self, tree: Tree[Token]) -> Fn:
        base, steps = self._chain(tree)
        if base.data == "identifier":
            return self._traversal(_token_text(base), steps, tree)
        base_fn = self._expr(base)

        def run(scope: Scope) -> Any:
            return force(apply_steps(base_fn(scope), steps, 0, scope))

        return run

    def _traversal(self, root: str, steps: list[Step], tree: Tree[Token]) -> Fn:
        if not any(root in names for names in self._bound):
            names = [root]
            for is_attr, arg in steps[: 2 if root == "data" else 1]:
                if not is_attr:
                    break
                names.append(arg)
            self._refs.append(".".join(names))
            self._traversals.append((root, tuple(steps)))
        pos = self.pos(tree)

        def run(scope: Scope) -> Any:
            bindings = scope.bindings
            if root in bindings:
                return apply_steps(bindings[root], steps, 0, scope)
            value, used = scope.context.resolve(root, steps, scope, pos)
            return force(apply_steps(value, steps, used, scope))

        return run

    def _c_attr_splat_expr_term(self, tree: Tree[Token]) -> Fn:
        return self._splat_expr(tree)

    def _c_full_splat_expr_term(self, tree: Tree[Token]) -> Fn:
        return self._splat_expr(tree)

    def _splat_expr(self, tree: Tree[Token]) -> Fn:
        base_node, splat = _kids(tree)
        base = self._expr(base_node)
        steps: list[Step] = []
        for step in _kids(splat):
            if step.data == "get_attr":
                steps.append((True, _token_text(_kids(step)[0])))
            else:
                steps.append((False, self._index(step)))

        after: list[Step] = []
        if tree.data == "attr_splat_expr_term":
            # the legacy `.*` takes attributes only: `a.*.b[0].c` is `[for o in a : o.b][0].c`
            cut = next((i for i, (is_attr, _) in enumerate(steps) if not is_attr), len(steps))
            steps, after = steps[:cut], steps[cut:]

        def run(scope: Scope) -> Any:
            items = _splat(base(scope))
            if isinstance(items, Unknown):
                return items
            result = [force(apply_steps(item, steps, 0, scope)) for item in items]
            return force(apply_steps(result, after, 0, scope)) if after else result

        return run

    # -- functions

    def _c_function_call(self, tree: Tree[Token]) -> Fn:
        names = [k for k in tree.children if isinstance(k, Tree) and k.data == "identifier"]
        name = "::".join(_token_text(n) for n in names)
        arguments = [k for k in tree.children if isinstance(k, Tree) and k.data == "arguments"]
        arg_nodes = _kids(arguments[0]) if arguments else []
        expand = bool(arguments) and any(isinstance(c, Token) and c.type == "ELLIPSIS" for c in arguments[0].children)
        args = [self._expr(a) for a in arg_nodes]
        pos = self.pos(tree)
        if name in ("try", "can"):
            return self._try(name, args)

        def run(scope: Scope) -> Any:
            values = [f(scope) for f in args]
            if expand and values:
                last = values.pop()
                if isinstance(last, Unknown):
                    return last
                if not isinstance(last, (list, tuple)):
                    raise EvalError(f"{name}(): the argument before ... must be a list")
                values.extend(last)
            return scope.context.call(name, values, pos)

        return run

    @staticmethod
    def _try(name: str, args: list[Fn]) -> Fn:
        if name == "can":
            (only,) = args if len(args) == 1 else (None,)

            def can(scope: Scope) -> Any:
                if only is None:
                    raise EvalError("can() takes exactly one argument")
                try:
                    value = only(scope)
                except EvalError:
                    return False
                return value if isinstance(value, Unknown) else True

            return can

        def attempt(scope: Scope) -> Any:
            last: EvalError | None = None
            for fn in args:
                try:
                    return fn(scope)
                except EvalError as exc:
                    last = exc
            raise EvalError(f"no expression given to try() succeeded: {last}")

        return attempt

    # -- for expressions

    def _for_intro(self, tree: Tree[Token]) -> tuple[tuple[str, ...], Fn]:
        intro = next(k for k in _kids(tree) if k.data == "for_intro")
        idents = [_token_text(k) for k in _kids(intro) if k.data == "identifier"]
        collection = next(k for k in _kids(intro) if k.data != "identifier")
        return tuple(idents), self._expr(collection)

    def _c_for_tuple_expr(self, tree: Tree[Token]) -> Fn:
        names, collection = self._for_intro(tree)
        rest = [k for k in _kids(tree) if k.data != "for_intro"]
        self._bound.append(names)
        try:
            value = self._expr(rest[0])
            cond = self._expr(_kids(rest[1])[0]) if len(rest) > 1 else None
        finally:
            self._bound.pop()

        def run(scope: Scope) -> Any:
            items = _iterate(collection(scope))
            if isinstance(items, Unknown):
                return items
            out: list[Any] = []
            for key, item in items:
                inner = scope.child(_bind(names, key, item))
                if cond is not None:
                    test = cond(inner)
                    if isinstance(test, Unknown):
                        return test
                    if not to_bool(test):
                        continue
                out.append(value(inner))
            return out

        return run

    def _c_for_object_expr(self, tree: Tree[Token]) -> Fn:
        names, collection = self._for_intro(tree)
        rest = [k for k in _kids(tree) if k.data != "for_intro"]
        self._bound.append(names)
        try:
            key_fn, value_fn = self._expr(rest[0]), self._expr(rest[1])
            cond = self._expr(_kids(rest[2])[0]) if len(rest) > 2 else None
        finally:
            self._bound.pop()
        group = any(isinstance(c, Token) and c.type == "ELLIPSIS" for c in tree.children)

        def run(scope: Scope) -> Any:
            items = _iterate(collection(scope))
            if isinstance(items, Unknown):
                return items
            out: dict[str, Any] = {}
            for key, item in items:
                inner = scope.child(_bind(names, key, item))
                if cond is not None:
                    test = cond(inner)
                    if isinstance(test, Unknown):
                        return test
                    if not to_bool(test):
                        continue
                new_key = key_fn(inner)
                if isinstance(new_key, Unknown):
                    return new_key
                text = to_string(new_key)
                if group:
                    out.setdefault(text, []).append(value_fn(inner))
                elif text in out:
                    raise EvalError(f"duplicate object key {text!r} in a for expression (add ... to group)")
                else:
                    out[text] = value_fn(inner)
            return out

        return run

    # -- strings and templates

    def _c_string(self, tree: Tree[Token]) -> Fn:
        flat: list[_Node] = []
        for part in tree.children:
            if not isinstance(part, Tree):
                continue
            inner = part.children[0]
            if isinstance(inner, Token):
                if inner.type == "ESCAPED_INTERPOLATION" or inner.type == "ESCAPED_DIRECTIVE":
                    flat.append(_Node("text", text=str(inner)[1:]))
                else:
                    flat.append(_Node("text", text=unescape(str(inner))))
            else:
                flat.append(self._string_part(inner))
        return self._template(flat)

    def _c_template_string(self, tree: Tree[Token]) -> Fn:
        text = unescape(_token_text(tree)[2:-2])
        return lambda _s: text

    def _string_part(self, node: Tree[Token]) -> _Node:
        tokens = [c for c in node.children if isinstance(c, Token)]
        strips = [t for t in tokens if t.type == "STRIP_MARKER"]
        first_kw = next(
            (
                i
                for i, t in enumerate(node.children)
                if isinstance(t, Token) and t.type in ("IF", "ELSE", "ENDIF", "FOR", "ENDFOR")
            ),
            None,
        )
        strip_left = (
            bool(strips)
            and first_kw is not None
            and any(isinstance(c, Token) and c.type == "STRIP_MARKER" for c in node.children[:first_kw])
        )
        strip_right = bool(strips) and isinstance(node.children[-2], Token) and node.children[-2].type == "STRIP_MARKER"
        kids = _kids(node)
        if node.data == "interpolation":
            return _Node("interp", fn=self._expr(kids[0]))
        if node.data == "template_if_start":
            return _Node("if", fn=self._expr(kids[0]), strip_left=strip_left, strip_right=strip_right)
        if node.data == "template_for_start":
            names = tuple(_token_text(k) for k in kids if k.data == "identifier")
            coll = next(k for k in kids if k.data != "identifier")
            return _Node("for", fn=self._expr(coll), names=names, strip_left=strip_left, strip_right=strip_right)
        kind = {"template_else": "else", "template_endif": "endif", "template_endfor": "endfor"}[node.data]
        return _Node(kind, strip_left=strip_left, strip_right=strip_right)

    def _c_heredoc_template(self, tree: Tree[Token]) -> Fn:
        body, flush = heredoc_body(_token_text(tree))
        return self.template_text(body, self.pos(tree), heredoc=True, flush=flush)

    def _c_heredoc_template_trim(self, tree: Tree[Token]) -> Fn:
        return self._c_heredoc_template(tree)

    def template_text(self, text: str, pos: Pos, *, heredoc: bool = False, flush: bool = False) -> Fn:
        """Compile template text (a heredoc body, a templatefile() file).

        Heredoc literals are split into one part per line, as Terraform's scanner does: strip
        markers and `<<-` indentation removal work on those parts.
        """
        flat: list[_Node] = []
        for part in split_template(text):
            if heredoc and part.kind == "text":
                lines = part.text.split("\n")
                flat.extend(_Node("text", text=line + "\n") for line in lines[:-1])
                if lines[-1]:
                    flat.append(_Node("text", text=lines[-1]))
            else:
                flat.append(self._template_part(part, pos))
        return self._template(flat, flush=flush)

    def _template_part(self, part: TemplatePart, pos: Pos) -> _Node:
        if part.kind == "text":
            return _Node("text", text=part.text)
        if part.kind == "interp":
            return _Node(
                "interp",
                fn=self._parse_fragment(part.text, pos),
                strip_left=part.strip_left,
                strip_right=part.strip_right,
            )
        words = part.text.split(None, 1)
        keyword = words[0] if words else ""
        node = _Node(keyword, strip_left=part.strip_left, strip_right=part.strip_right)
        if keyword == "if" and len(words) == 2:
            node.fn = self._parse_fragment(words[1], pos)
        elif keyword == "for" and len(words) == 2 and " in " in f" {words[1]}":
            head, _, collection = words[1].partition(" in ")
            node.names = tuple(n.strip() for n in head.split(","))
            node.fn = self._parse_fragment(collection, pos)
        elif keyword not in ("else", "endif", "endfor"):
            raise EvalError(f"{pos}: unknown template directive %{{{part.text}}}")
        return node

    def _parse_fragment(self, text: str, pos: Pos) -> Fn:
        try:
            tree = hcl2.parses_to_tree(f"x = {text}\n")
        except LarkError as exc:
            raise EvalError(f"{pos}: invalid expression in template: {text!r}") from exc
        body = tree.children[0]
        attribute = next(k for k in _kids(body) if k.data == "attribute")
        return self._expr(_kids(attribute)[-1])

    def _template(self, flat: list[_Node], *, flush: bool = False) -> Fn:
        ltrim_next = False
        for i, node in enumerate(flat):
            if node.kind == "text":
                if ltrim_next:
                    node.text = node.text.lstrip()
                ltrim_next = False
                continue
            if node.strip_left and i > 0 and flat[i - 1].kind == "text":
                flat[i - 1].text = flat[i - 1].text.rstrip()
            ltrim_next = node.strip_right
        if flush:
            _flush(flat)
        nodes = _nest(_meld(flat))
        if len(nodes) == 1 and nodes[0].kind == "interp":
            single = nodes[0].fn
            assert single is not None
            return single
        if all(n.kind == "text" for n in nodes):
            text = "".join(n.text for n in nodes)
            return lambda _s: text

        def run(scope: Scope) -> Any:
            out: list[str] = []
            unknown = _render(nodes, scope, out)
            return unknown if unknown is not None else "".join(out)

        return run


def _flush(flat: list[_Node]) -> None:
    """`<<-`: remove the smallest indentation of the lines from every line's first literal.

    As Terraform does it: a line that starts with an interpolation or directive counts as
    indentation 0, a blank line does not count, and the markers' stripping came first.
    """
    smallest: int | None = None
    newline = True
    adjust: list[_Node] = []
    for node in flat:
        if newline:
            newline = False
            if node.kind == "text":
                trimmed = node.text.lstrip()
                if trimmed or not node.text.endswith("\n"):
                    spaces = len(node.text) - len(trimmed)
                    adjust.append(node)
                    smallest = spaces if smallest is None else min(smallest, spaces)
            else:
                smallest = 0
        if node.kind == "text" and node.text.endswith("\n"):
            newline = True
    if smallest:
        for node in adjust:
            node.text = node.text[smallest:]


def _meld(flat: list[_Node]) -> list[_Node]:
    """Join consecutive literal parts."""
    out: list[_Node] = []
    for node in flat:
        if node.kind == "text" and out and out[-1].kind == "text":
            out[-1].text += node.text
        else:
            out.append(node)
    return out


def _nest(flat: list[_Node]) -> list[_Node]:
    """Turn the flat if/else/endif and for/endfor sequence into nested nodes."""
    root: list[_Node] = []
    stack: list[tuple[_Node, list[_Node]]] = []
    current = root
    for node in flat:
        if node.kind in ("if", "for"):
            current.append(node)
            stack.append((node, current))
            current = node.body
        elif node.kind == "else":
            if not stack or stack[-1][0].kind != "if":
                raise EvalError("template: else without if")
            current = stack[-1][0].other
        elif node.kind in ("endif", "endfor"):
            if not stack or stack[-1][0].kind != node.kind[3:]:
                raise EvalError(f"template: {node.kind} without {node.kind[3:]}")
            current = stack.pop()[1]
        else:
            current.append(node)
    if stack:
        raise EvalError(f"template: unclosed {stack[-1][0].kind} directive")
    return root


def _render(nodes: list[_Node], scope: Scope, out: list[str]) -> Unknown | None:
    """Render template nodes into `out`; an Unknown when any part is unknown."""
    for node in nodes:
        if node.kind == "text":
            out.append(node.text)
            continue
        assert node.fn is not None
        value = node.fn(scope)
        if isinstance(value, Unknown):
            return value
        if node.kind == "interp":
            out.append(to_string(value))
        elif node.kind == "if":
            unknown = _render(node.body if to_bool(value) else node.other, scope, out)
            if unknown is not None:
                return unknown
        else:
            items = _iterate(value)
            if isinstance(items, Unknown):
                return items
            for key, item in items:
                unknown = _render(node.body, scope.child(_bind(node.names, key, item)), out)
                if unknown is not None:
                    return unknown
    return None


def _iterate(value: Any) -> list[tuple[Any, Any]] | Unknown:
    """(key, value) pairs a for expression walks: list index, map key (sorted), set element."""
    if isinstance(value, Unknown):
        return value
    if isinstance(value, Lazy):
        value = value.force()
    if isinstance(value, TfSet):
        return [(item, item) for item in value]
    if isinstance(value, (list, tuple)):
        return list(enumerate(value))
    if isinstance(value, dict):
        return [(key, value[key]) for key in sorted(value)]
    if value is None:
        raise EvalError("a for expression cannot iterate over null")
    raise EvalError(f"a for expression cannot iterate over a {type_name(value)} value")


def _bind(names: tuple[str, ...], key: Any, item: Any) -> dict[str, Any]:
    if len(names) == 1:
        return {names[0]: item}
    return {names[0]: key, names[1]: item}


def _bare_name(node: Tree[Token]) -> str | None:
    """An object key written as a bare word (`name = ...`), else None (an expression)."""
    if node.data == "identifier":
        return _token_text(node)
    if node.data == "keyword":
        return _token_text(node)
    if node.data == "expr_term":
        kids = _kids(node)
        if len(kids) == 1 and not any(isinstance(c, Token) for c in node.children):
            return _bare_name(kids[0])
    return None


def _calls_functions(tree: Tree[Token]) -> bool:
    """Whether any function is called (file() and friends read the disk)."""
    return any(True for _ in tree.find_data("function_call"))
