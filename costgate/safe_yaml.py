"""The one YAML loader for every YAML input (costgate.yml, usage files, usage profiles).

Why one: each of these files may come from a pull request, and a YAML library's safe loader is
safe from code execution but not from the rest. Here, for every file:
- aliases are expanded, but the expanded document is bounded (MAX_NODES): a "billion laughs"
  alias bomb stops at once with a line number instead of growing past gigabytes;
- nesting is bounded (MAX_DEPTH) before anything recursive runs;
- merge keys (`<<: *defaults`) are applied as YAML 1.1 says: keys written in the mapping win,
  then earlier merged mappings over later ones;
- a key given twice, a list or mapping as a key, an impossible date (`2026-02-30`) or a
  number Python cannot hold are errors with the line, never a silent last-one-wins or a
  crash;
- every key and list item keeps its 1-based line (LocatedYaml), so schema errors found later
  can say `file:line` too.

Parsing is ruamel.yaml's (the one YAML library of costgate; `usage init` needs its round-trip
writer), with YAML 1.2's rules: `yes`, `no`, `on` and `off` are strings, not booleans.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.constructor import ConstructorError
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import CollectionEndEvent, CollectionStartEvent
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

Path = tuple[str | int, ...]

MAX_DEPTH = 64
"""Deepest nesting of mappings and lists (costgate's own formats need fewer than ten)."""

MAX_NODES = 100_000
"""Most values a document may hold once its aliases are expanded."""

MERGE_TAG = "tag:yaml.org,2002:merge"


@dataclass(frozen=True, slots=True)
class LocatedYaml:
    """Parsed YAML data with the line of every mapping key and sequence item."""

    data: Any
    lines: Mapping[Path, int] = field(default_factory=dict)

    def line_of(self, path: Sequence[str | int]) -> int | None:
        """The line of `path`, or of its longest prefix the file has (a missing key's parent)."""
        parts = tuple(path)
        while parts:
            found = self.lines.get(parts)
            if found is not None:
                return found
            parts = parts[:-1]
        return self.lines.get((), None)


class YamlSyntaxError(ValueError):
    """The text is not YAML costgate accepts; carries the 1-based line of the problem when known.

    Callers turn it into their own error (ConfigError, UsageFileError) with `file:line`.
    """

    def __init__(self, message: str, line: int | None) -> None:
        self.line = line
        super().__init__(message)


def load_located(text: str) -> LocatedYaml:
    """Parse one YAML document, recording lines; raises YamlSyntaxError for anything refused."""
    nul = text.find("\0")
    if nul != -1:
        raise YamlSyntaxError("contains a NUL byte", text.count("\n", 0, nul) + 1)
    try:
        _check_depth(text)
        node = _yaml().compose(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        raise YamlSyntaxError(str(exc.problem or exc.context or "invalid YAML"), line) from exc
    except YAMLError as exc:
        raise YamlSyntaxError(str(exc).splitlines()[0], None) from exc
    if node is None:
        return LocatedYaml(None, {(): 1})
    lines: dict[Path, int] = {(): node.start_mark.line + 1}
    data = _Walk(lines).value(node, ())
    return LocatedYaml(data, lines)


def load_data(text: str) -> Any:
    """The data of one YAML document (no lines), with every check of `load_located`."""
    return load_located(text).data


def load_bulk(data: bytes | str) -> Any:
    """A large YAML data file from a public price source (the 4 MB Cyclenerd pricing.yml): plain
    data, no line tracking, libyaml's parser when ruamel.yaml.clib is installed (several times
    faster than pure Python). Not for files a pull request writes (use `load_located`).

    Raises YamlSyntaxError (with the line when known) for text that is not YAML.
    """
    try:
        return YAML(typ="safe").load(data)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise YamlSyntaxError(
            str(exc.problem or exc.context or "invalid YAML"), mark.line + 1 if mark is not None else None
        ) from exc
    except YAMLError as exc:
        raise YamlSyntaxError(str(exc).splitlines()[0], None) from exc


def _check_depth(text: str) -> None:
    """Refuse nesting past MAX_DEPTH from the event stream (iterative), before composing
    (the composer recurses once per level)."""
    depth = 0
    for event in _yaml().parse(text):
        if isinstance(event, CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                line = event.start_mark.line + 1 if event.start_mark else None
                raise YamlSyntaxError(f"nested deeper than {MAX_DEPTH} levels", line)
        elif isinstance(event, CollectionEndEvent):
            depth -= 1


def _yaml() -> YAML:
    """A fresh safe, pure-Python ruamel.yaml instance (one per call: instances keep parser state)."""
    return YAML(typ="safe", pure=True)


_CONSTRUCTOR = _yaml().constructor


class _Walk:
    """Node tree to plain data, counting every value produced (aliases count each time)."""

    def __init__(self, lines: dict[Path, int]) -> None:
        self.lines = lines
        self.nodes = 0

    def value(self, node: Node, path: Path) -> Any:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise YamlSyntaxError(
                f"more than {MAX_NODES:,} values once aliases are expanded (an alias bomb?)", _line(node)
            )
        if isinstance(node, MappingNode):
            return self.mapping(node, path)
        if isinstance(node, SequenceNode):
            items = []
            for i, item in enumerate(node.value):
                sub = (*path, i)
                self.lines.setdefault(sub, _line(item))
                items.append(self.value(item, sub))
            return items
        return _scalar(node)

    def mapping(self, node: MappingNode, path: Path) -> dict[Any, Any]:
        out: dict[Any, Any] = {}
        first: dict[Any, int] = {}
        merged: list[MappingNode] = []
        for key_node, value_node in node.value:
            if key_node.tag == MERGE_TAG:
                merged.extend(_merge_sources(value_node))
                continue
            if not isinstance(key_node, ScalarNode):
                raise YamlSyntaxError("a key must be a plain value, not a list or a mapping", _line(key_node))
            key = _scalar(key_node)
            if not isinstance(key, (str, int, float, bool)) and key is not None:
                key = str(key)  # a date as a key: keep its text
            if key in first:
                raise YamlSyntaxError(f"duplicate key {key!r} (first on line {first[key]})", _line(key_node))
            first[key] = _line(key_node)
            sub = (*path, key if isinstance(key, (str, int)) else str(key))
            self.lines[sub] = _line(key_node)
            out[key] = self.value(value_node, sub)
        if merged:
            written = {k: v for k, v in self.lines.items() if len(k) == len(path) + 1 and k[:-1] == path}
            for source in merged:  # earlier merged mappings win over later ones; written keys over all
                for key, value in self.mapping(source, path).items():
                    if key not in out:
                        out[key] = value
            self.lines.update(written)
        return out


def _merge_sources(node: Node) -> list[MappingNode]:
    """The mappings a merge key's value names: one mapping, or a list of them."""
    if isinstance(node, MappingNode):
        return [node]
    if isinstance(node, SequenceNode) and all(isinstance(n, MappingNode) for n in node.value):
        return list(node.value)
    raise YamlSyntaxError("a merge key (<<) takes a mapping or a list of mappings", _line(node))


def _scalar(node: Node) -> Any:
    """A scalar's value; an impossible date or an oversized integer is an error with its line."""
    try:
        value = _CONSTRUCTOR.construct_object(node, deep=True)
    except (ValueError, OverflowError) as exc:
        kind = "date" if str(node.tag or "").endswith(":timestamp") else "value"
        raise YamlSyntaxError(f"not a valid {kind}: {str(node.value)[:40]!r} ({exc})", _line(node)) from exc
    except ConstructorError as exc:
        raise YamlSyntaxError(str(exc.problem or "cannot read this value"), _line(node)) from exc
    if isinstance(value, str) and "\0" in value:  # a "\0" escape: no path or name holds one
        raise YamlSyntaxError("a string contains a NUL character", _line(node))
    return value


def _line(node: Node) -> int:
    return int(node.start_mark.line) + 1
