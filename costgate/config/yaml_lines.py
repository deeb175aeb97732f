"""YAML with line numbers: the data, plus where each key and item sits in the file.

Why: a user who wrote `montly_limit` on line 14 should read "costgate.yml:14: budgets[0]:
unknown key montly_limit", not a pydantic dump. PyYAML's composer keeps every node's start
mark, so one walk over the node tree gives both the plain data and a map from each path
(keys and list indexes, as pydantic reports them in `loc`) to its 1-based line.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import yaml

Path = tuple[str | int, ...]


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
    """The text is not YAML; carries the 1-based line of the problem when YAML says."""

    def __init__(self, message: str, line: int | None) -> None:
        self.line = line
        super().__init__(message)


def load_located(text: str) -> LocatedYaml:
    """Parse one YAML document, recording lines; raises YamlSyntaxError."""
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        raise YamlSyntaxError(str(exc.problem or exc.context or "invalid YAML"), line) from exc
    except yaml.YAMLError as exc:
        raise YamlSyntaxError(str(exc), None) from exc
    if node is None:
        return LocatedYaml(None, {(): 1})
    lines: dict[Path, int] = {(): node.start_mark.line + 1}
    data = _walk(node, (), lines)
    return LocatedYaml(data, lines)


_CONSTRUCTOR = yaml.SafeLoader(stream="")


def _walk(node: yaml.Node, path: Path, lines: dict[Path, int]) -> Any:
    if isinstance(node, yaml.MappingNode):
        out: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = _CONSTRUCTOR.construct_object(key_node, deep=True)
            sub = (*path, key if isinstance(key, (str, int)) else str(key))
            lines[sub] = key_node.start_mark.line + 1
            if key == "<<":
                raise YamlSyntaxError("YAML merge keys (<<) are not supported in costgate.yml", key_node.start_mark.line + 1)
            out[key] = _walk(value_node, sub, lines)
        return out
    if isinstance(node, yaml.SequenceNode):
        items = []
        for i, item in enumerate(node.value):
            sub = (*path, i)
            lines[sub] = item.start_mark.line + 1
            items.append(_walk(item, sub, lines))
        return items
    return _CONSTRUCTOR.construct_object(node, deep=True)
