"""The one YAML loader for every YAML input (costgate.yml, usage files, usage profiles).

Why one: each of these files may come from a pull request, and PyYAML's `safe_load` is safe
from code execution but not from the rest. Here, for every file:
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
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import yaml

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
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        raise YamlSyntaxError(str(exc.problem or exc.context or "invalid YAML"), line) from exc
    except yaml.YAMLError as exc:
        raise YamlSyntaxError(str(exc).splitlines()[0], None) from exc
    if node is None:
        return LocatedYaml(None, {(): 1})
    lines: dict[Path, int] = {(): node.start_mark.line + 1}
    data = _Walk(lines).value(node, ())
    return LocatedYaml(data, lines)


def load_data(text: str) -> Any:
    """The data of one YAML document (no lines), with every check of `load_located`."""
    return load_located(text).data


def _check_depth(text: str) -> None:
    """Refuse nesting past MAX_DEPTH from the event stream (iterative), before composing
    (PyYAML's composer recurses once per level)."""
    depth = 0
    for event in yaml.parse(text, Loader=yaml.SafeLoader):
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                line = event.start_mark.line + 1 if event.start_mark else None
                raise YamlSyntaxError(f"nested deeper than {MAX_DEPTH} levels", line)
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


_CONSTRUCTOR = yaml.SafeLoader(stream="")


class _Walk:
    """Node tree to plain data, counting every value produced (aliases count each time)."""

    def __init__(self, lines: dict[Path, int]) -> None:
        self.lines = lines
        self.nodes = 0

    def value(self, node: yaml.Node, path: Path) -> Any:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise YamlSyntaxError(
                f"more than {MAX_NODES:,} values once aliases are expanded (an alias bomb?)", _line(node))
        if isinstance(node, yaml.MappingNode):
            return self.mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            items = []
            for i, item in enumerate(node.value):
                sub = (*path, i)
                self.lines.setdefault(sub, _line(item))
                items.append(self.value(item, sub))
            return items
        return _scalar(node)

    def mapping(self, node: yaml.MappingNode, path: Path) -> dict[Any, Any]:
        out: dict[Any, Any] = {}
        first: dict[Any, int] = {}
        merged: list[yaml.MappingNode] = []
        for key_node, value_node in node.value:
            if key_node.tag == MERGE_TAG:
                merged.extend(_merge_sources(value_node))
                continue
            if not isinstance(key_node, yaml.ScalarNode):
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


def _merge_sources(node: yaml.Node) -> list[yaml.MappingNode]:
    """The mappings a merge key's value names: one mapping, or a list of them."""
    if isinstance(node, yaml.MappingNode):
        return [node]
    if isinstance(node, yaml.SequenceNode) and all(isinstance(n, yaml.MappingNode) for n in node.value):
        return list(node.value)
    raise YamlSyntaxError("a merge key (<<) takes a mapping or a list of mappings", _line(node))


def _scalar(node: yaml.Node) -> Any:
    """A scalar's value; an impossible date or an oversized integer is an error with its line."""
    try:
        value = _CONSTRUCTOR.construct_object(node, deep=True)
    except (ValueError, OverflowError) as exc:
        kind = "date" if node.tag.endswith(":timestamp") else "value"
        raise YamlSyntaxError(f"not a valid {kind}: {str(node.value)[:40]!r} ({exc})", _line(node)) from exc
    except yaml.constructor.ConstructorError as exc:
        raise YamlSyntaxError(str(exc.problem or "cannot read this value"), _line(node)) from exc
    if isinstance(value, str) and "\0" in value:  # a "\0" escape: no path or name holds one
        raise YamlSyntaxError("a string contains a NUL character", _line(node))
    return value


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 1
