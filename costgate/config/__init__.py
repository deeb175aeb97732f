"""Load costgate.yml: YAML with line numbers and pydantic validation of every key.

The checks that read across the document against the gate's own knowledge (a rule key must be a
known rule, a Rego file must compile, a waiver must name something that can fire) are the
gate's: gate/references.py, whose `load_checked_config` is what commands call. config/ sits below
the gate and never imports it.

Every problem becomes one ConfigError whose message starts with `file:line` and names the key
(`costgate.yml:14: budgets[0].monthly_limit: Input should be greater than 0`), because the
person fixing it has the file open in an editor, not a stack trace.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from costgate.config.model import Config
from costgate.config.yaml_lines import LocatedYaml, YamlSyntaxError, load_located
from costgate.errors import ConfigError
from costgate.inputs import read_text

__all__ = ["Config", "LoadedConfig", "config_schema", "dotted", "load_config", "parse_config"]


@dataclass(frozen=True)
class LoadedConfig:
    """A validated config, where it came from, and the line of every key (for later messages)."""

    config: Config
    path: Path
    located: LocatedYaml

    @property
    def base_dir(self) -> Path:
        """Paths in the config (plans, CODEOWNERS, Rego files) are relative to this folder."""
        return self.path.resolve().parent

    def resolve(self, relative: str) -> Path:
        """A config-relative path made absolute."""
        p = Path(relative)
        return p if p.is_absolute() else self.base_dir / p

    def where(self, loc: Sequence[str | int]) -> str:
        """`file:line` of a key path, for error messages raised after loading."""
        line = self.located.line_of(loc)
        return f"{self.path}:{line}" if line else str(self.path)

    def error(self, loc: Sequence[str | int], message: str) -> ConfigError:
        """A ConfigError naming file, line and key path."""
        return ConfigError(f"{dotted(loc)}: {message}" if loc else message, path=self.where(loc))


def dotted(loc: Sequence[str | int]) -> str:
    """('budgets', 0, 'team') -> 'budgets[0].team'."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


def _clean_loc(loc: Sequence[str | int]) -> tuple[str | int, ...]:
    # pydantic adds pseudo-steps for unions and function validators; drop them
    return tuple(p for p in loc if not (isinstance(p, str) and ("[" in p or p.startswith("function-"))))


def _message(err: Any) -> str:
    kind = err.get("type", "")
    if kind == "extra_forbidden":
        return "unknown key"
    if kind == "missing":
        return "required key is missing"
    msg = str(err.get("msg", "invalid"))
    return msg.removeprefix("Value error, ")


def load_config(path: Path) -> LoadedConfig:
    """Read and validate a costgate.yml key by key; raises ConfigError naming file:line and key.
    Commands call gate.references.load_checked_config, which adds the cross-reference checks."""
    return parse_config(read_text(path, error=ConfigError, what="config file"), path)


def parse_config(text: str, path: Path) -> LoadedConfig:
    """Validate config text (`path` names it in messages and anchors relative paths)."""
    try:
        located = load_located(text)
    except YamlSyntaxError as exc:
        where = f"{path}:{exc.line}" if exc.line else str(path)
        raise ConfigError(f"not valid YAML: {exc}", path=where) from exc
    data = located.data if located.data is not None else {}
    if not isinstance(data, dict):
        raise ConfigError("the config must be a mapping of keys (version, teams, budgets, ...)", path=f"{path}:1")
    try:
        config = Config.model_validate(data)
    except ValidationError as exc:
        errors = exc.errors()
        first = errors[0]
        loc = _clean_loc(first["loc"])
        more = f" (and {len(errors) - 1} more problem{'s' if len(errors) > 2 else ''})" if len(errors) > 1 else ""
        line = located.line_of(loc)
        where = f"{path}:{line}" if line else str(path)
        key = dotted(loc)
        raise ConfigError(f"{key + ': ' if key else ''}{_message(first)}{more}", path=where) from exc
    return LoadedConfig(config=config, path=path, located=located)


def config_schema() -> dict[str, Any]:
    """The JSON Schema of costgate.yml (for editors and docs/config.schema.json)."""
    schema = Config.model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://costgate.dev/schemas/config.schema.json"
    return schema


def schema_text() -> str:
    """The schema as committed to docs/ (stable key order, trailing newline)."""
    return json.dumps(config_schema(), indent=2, sort_keys=True) + "\n"
