"""Read the .tf files of one module directory into blocks of compiled expressions.

Why a layer of its own: a module directory is parsed once however many times it is called
(a module with for_each over 2,000 keys is one ModuleConfig), and every syntax error becomes
one `file:line:col: message` line here, before any evaluation starts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

import hcl2
from lark import Token, Tree
from lark.exceptions import LarkError, UnexpectedCharacters, UnexpectedEOF, UnexpectedInput, UnexpectedToken

from costgate.errors import HclReaderError
from costgate.iac.hcl.expressions import Expr, ExprCompiler, Pos, unescape
from costgate.iac.hcl.json_syntax import json_to_hcl
from costgate.iac.hcl.values import EvalError

__all__ = ["Block", "Body", "ModuleConfig", "parse_expression_text", "parse_file", "read_module"]


@dataclass(frozen=True, slots=True)
class Body:
    """A block body: compiled attributes, raw trees of the same, and nested blocks in order."""

    attributes: dict[str, Expr]
    raw: dict[str, Tree[Token]]
    blocks: list[Block]
    pos: Pos


@dataclass(frozen=True, slots=True)
class Block:
    """`type "label" "label" { body }`."""

    type: str
    labels: tuple[str, ...]
    body: Body
    pos: Pos


@dataclass(slots=True)
class ModuleConfig:
    """The blocks of one module directory, by kind."""

    directory: Path
    variables: dict[str, Block] = field(default_factory=dict)
    locals: dict[str, Expr] = field(default_factory=dict)
    resources: list[Block] = field(default_factory=list)
    data: dict[tuple[str, str], Block] = field(default_factory=dict)
    module_calls: dict[str, Block] = field(default_factory=dict)
    providers: list[Block] = field(default_factory=list)
    outputs: dict[str, Block] = field(default_factory=dict)
    required_providers: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    def resource_block(self, rtype: str, name: str) -> Block | None:
        """The managed resource block `rtype.name`, if declared here."""
        for block in self.resources:
            if block.labels == (rtype, name):
                return block
        return None


def _syntax_error(exc: LarkError, file: str, text: str) -> HclReaderError:
    """One line: `file:line:col: syntax error: ...`."""
    line = getattr(exc, "line", None) or 0
    column = getattr(exc, "column", None) or 0
    if isinstance(exc, UnexpectedEOF) or (isinstance(exc, UnexpectedToken) and exc.token.type == "$END"):
        lines = text.splitlines() or [""]
        line, column = len(lines), len(lines[-1]) + 1
        detail = "unexpected end of file (an unclosed block, bracket or string?)"
    elif isinstance(exc, UnexpectedToken):
        value = str(exc.token.value).strip() or repr(str(exc.token.value))
        detail = f"unexpected {value[:40]!r}"
        expected = sorted(exc.expected)
        if len(expected) <= 3:
            detail += f" (expected {', '.join(expected)})"
    elif isinstance(exc, UnexpectedCharacters):
        detail = (
            f"unexpected character {text[exc.pos_in_stream : exc.pos_in_stream + 1]!r}"
            if exc.pos_in_stream is not None
            else "unexpected character"
        )
    elif isinstance(exc, UnexpectedInput):
        detail = "invalid syntax"
    else:
        detail = f"invalid syntax ({type(exc).__name__})"
    return HclReaderError(f"{file}:{line}:{column}: syntax error: {detail}")


def parse_file(path: Path, display: str) -> Tree[Token]:
    """Parse one file (`*.tf.json` through its native translation); raises HclReaderError
    naming `display:line:col`."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise HclReaderError(f"{display}:1:1: not UTF-8 text (byte {exc.start})") from exc
    except OSError as exc:
        raise HclReaderError(f"{display}: cannot read the file: {exc.strerror or exc}") from exc
    if path.name.endswith(".tf.json"):
        text = json_to_hcl(text, display)
    try:
        tree: Tree[Token] = hcl2.parses_to_tree(text)
    except LarkError as exc:
        raise _syntax_error(exc, display, text) from exc
    except RecursionError as exc:
        raise HclReaderError(f"{display}:1:1: nesting too deep to parse") from exc
    return tree


def parse_expression_text(text: str, display: str) -> Tree[Token]:
    """Parse one expression written on its own (a `--var` value); raises HclReaderError."""
    try:
        tree: Tree[Token] = hcl2.parses_to_tree(f"x = {text}\n")
    except LarkError as exc:
        raise _syntax_error(exc, display, text) from exc
    attributes = [k for k in root_body(tree).children if isinstance(k, Tree) and k.data == "attribute"]
    if len(attributes) != 1:
        raise HclReaderError(f"{display}: not a single expression")
    return _value_tree(attributes[0])


def root_body(tree: Tree[Token]) -> Tree[Token]:
    """The `body` node of a parsed file (`start` holds exactly one)."""
    body = tree.children[0]
    if not isinstance(body, Tree):
        raise HclReaderError("internal: a parse tree without a body")
    return body


def _value_tree(attribute: Tree[Token]) -> Tree[Token]:
    kids = [c for c in attribute.children if isinstance(c, Tree)]
    return kids[-1]


def _name(node: Tree[Token]) -> str:
    """An attribute or block name, or a block label (identifier or quoted string)."""
    if node.data == "string":
        return "".join(
            unescape(str(part.children[0]))
            for part in node.children
            if isinstance(part, Tree) and isinstance(part.children[0], Token)
        )
    token = node.children[0]
    return str(token.value) if isinstance(token, Token) else ""


class _BodyBuilder:
    """Turns a Lark `body` into Body objects, compiling expressions with one compiler per file."""

    def __init__(self, compiler: ExprCompiler) -> None:
        self.compiler = compiler

    def body(self, tree: Tree[Token], pos: Pos) -> Body:
        """A block body (or a whole file)."""
        attributes: dict[str, Expr] = {}
        raw: dict[str, Tree[Token]] = {}
        blocks: list[Block] = []
        for node in tree.children:
            if not isinstance(node, Tree):
                continue
            if node.data == "attribute":
                name_node = next(c for c in node.children if isinstance(c, Tree))
                name = _name(name_node)
                value = _value_tree(node)
                raw[name] = value
                attributes[name] = self.expression(value)
            elif node.data == "block":
                blocks.append(self.block(node))
        return Body(attributes=attributes, raw=raw, blocks=blocks, pos=pos)

    def block(self, node: Tree[Token]) -> Block:
        """One block with its labels."""
        parts = [c for c in node.children if isinstance(c, Tree) and c.data not in ("body", "new_line_or_comment")]
        body_tree = next(c for c in node.children if isinstance(c, Tree) and c.data == "body")
        pos = self.compiler.pos(node)
        return Block(
            type=_name(parts[0]),
            labels=tuple(_name(p) for p in parts[1:]),
            body=self.body(body_tree, pos),
            pos=pos,
        )

    def expression(self, tree: Tree[Token]) -> Expr:
        """A compiled expression; one that cannot be compiled fails when evaluated (an unknown)."""
        try:
            return self.compiler.compile(tree)
        except (EvalError, RecursionError) as exc:
            message = str(exc) if isinstance(exc, EvalError) else "expression nested too deeply to evaluate"
            pos = self.compiler.pos(tree)

            def fail(_scope: object) -> object:
                raise EvalError(message)

            return Expr(fn=fail, pos=pos)


def read_module(directory: Path, display: str) -> ModuleConfig:
    """Parse every `*.tf` and `*.tf.json` file of `directory` (in name order, like Terraform).

    Raises HclReaderError for a syntax error or an unreadable file; `display` is the directory
    as messages name it.
    """
    config = ModuleConfig(directory=directory)
    try:
        files = sorted(p for p in directory.iterdir() if p.name.endswith((".tf", ".tf.json")) and p.is_file())
    except OSError as exc:
        raise HclReaderError(f"{display}: cannot list the directory: {exc.strerror or exc}") from exc
    overrides = [
        p for p in files if p.name.split(".", 1)[0] == "override" or p.name.split(".", 1)[0].endswith("_override")
    ]
    for path in [p for p in files if p not in overrides] + overrides:
        file_display = f"{display}/{path.name}" if display not in ("", ".") else path.name
        tree = parse_file(path, file_display)
        builder = _BodyBuilder(ExprCompiler(file_display))
        body = builder.body(root_body(tree), Pos(file_display, 1, 1))
        _index(config, body, override=path in overrides)
    return config


_LABELS: Final[dict[str, int]] = {
    "resource": 2,
    "data": 2,
    "module": 1,
    "variable": 1,
    "output": 1,
    "provider": 1,
    "locals": 0,
    "terraform": 0,
}


def _index(config: ModuleConfig, body: Body, *, override: bool) -> None:
    """File the top-level blocks of one file into the module's config."""
    for block in body.blocks:
        kind, labels = block.type, block.labels
        wanted = _LABELS.get(kind)
        if wanted is not None and len(labels) != wanted:
            config.warnings.append(
                f"{block.pos}: a {kind} block needs {wanted} label{'s' if wanted > 1 else ''}; ignored"
            )
            continue
        if kind == "variable" and labels:
            config.variables[labels[0]] = _merged(config.variables.get(labels[0]), block, override)
        elif kind == "locals":
            config.locals.update(block.body.attributes)
        elif kind == "resource" and len(labels) == 2:
            existing = config.resource_block(*labels)
            if existing is not None and override:
                config.resources[config.resources.index(existing)] = _merged(existing, block, True)
            else:
                config.resources.append(block)
        elif kind == "data" and len(labels) == 2:
            config.data[(labels[0], labels[1])] = block
        elif kind == "module" and labels:
            config.module_calls[labels[0]] = _merged(config.module_calls.get(labels[0]), block, override)
        elif kind == "provider" and labels:
            config.providers.append(block)
        elif kind == "output" and labels:
            config.outputs[labels[0]] = block
        elif kind == "terraform":
            for inner in block.body.blocks:
                if inner.type == "required_providers":
                    for local, tree in inner.body.raw.items():
                        config.required_providers[local] = _provider_source(tree)


def _merged(existing: Block | None, block: Block, override: bool) -> Block:
    """An override file's block merged over the original (arguments replaced one by one)."""
    if existing is None or not override:
        return block
    body = Body(
        attributes={**existing.body.attributes, **block.body.attributes},
        raw={**existing.body.raw, **block.body.raw},
        blocks=block.body.blocks or existing.body.blocks,
        pos=existing.body.pos,
    )
    return Block(type=existing.type, labels=existing.labels, body=body, pos=existing.pos)


def _provider_source(tree: Tree[Token]) -> str:
    """The `source` of a required_providers entry (`{ source = "hashicorp/aws" }` or a string)."""
    for node in tree.find_data("object_elem"):
        if node.data == "object_elem":
            kids = [c for c in node.children if isinstance(c, Tree)]
            key = kids[0]
            if "source" in (str(t) for t in key.scan_values(lambda v: isinstance(v, Token))):
                values = [
                    str(t) for t in kids[-1].scan_values(lambda v: isinstance(v, Token) and v.type == "STRING_CHARS")
                ]
                return "".join(values)
    return ""
