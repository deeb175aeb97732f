"""YAML with line numbers for costgate.yml: the data, plus where each key and item sits.

Why: a user who wrote `montly_limit` on line 14 should read "costgate.yml:14: budgets[0]:
unknown key montly_limit", not a pydantic dump. The loader itself (aliases bounded, merge
keys, duplicate keys, dates) is costgate.safe_yaml, shared by every YAML input; this module
keeps the config's import path.
"""

from __future__ import annotations

from costgate.safe_yaml import LocatedYaml, Path, YamlSyntaxError, load_located

__all__ = ["LocatedYaml", "Path", "YamlSyntaxError", "load_located"]
