"""Finds built-in rules without a central list edited by hand.

Each module in costgate/gate/rules/ (not starting with `_`) exports `RULE`. Codes are CG plus
three digits grouped by theme (1xx storage, 2xx compute, 3xx network, 4xx databases,
5xx logging and retention, 9xx meta). A code once used and then removed goes into
RETIRED_CODES and is never given to another rule, so waivers and dashboards keyed by a
code keep meaning one thing.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from functools import cache
from typing import Any

from costgate.errors import PolicyError
from costgate.gate.rule import Rule

RETIRED_CODES: frozenset[str] = frozenset()
"""Codes of removed rules; never reused (none retired yet)."""

CODE_PATTERN = re.compile(r"^CG[1-59]\d\d$")
NAME_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
BANNED_PREFIXES = ("use-", "avoid-", "prefer-", "do-not-")
GROUPS = {"1": "storage", "2": "compute", "3": "network", "4": "databases", "5": "logging and retention", "9": "meta"}


@cache
def rules() -> dict[str, Rule[Any]]:
    """Every built-in rule by code, in code order."""
    import costgate.gate.rules as package

    found: dict[str, Rule[Any]] = {}
    for info in pkgutil.iter_modules(package.__path__):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"costgate.gate.rules.{info.name}")
        rule = getattr(module, "RULE", None)
        if not isinstance(rule, Rule):
            raise PolicyError(f"rule module {info.name} has no RULE")
        if rule.code in found:
            raise PolicyError(f"rule code {rule.code} is declared twice ({found[rule.code].name}, {rule.name})")
        found[rule.code] = rule
    return dict(sorted(found.items()))


def find_rule(key: str) -> Rule[Any] | None:
    """A rule by code (CG101) or name (gp2-volume)."""
    table = rules()
    if key.upper() in table:
        return table[key.upper()]
    for rule in table.values():
        if rule.name == key:
            return rule
    return None
