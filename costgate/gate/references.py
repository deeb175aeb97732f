"""Checks that need more than one key: names that must exist, rule parameters, policy files.

Pydantic validates each key on its own (config/); these checks read across the document (a
budget's team must be declared, a rule key must be a known code, its params must fit that rule's
model, a waiver must name something that can fire, a Rego file must exist and be v1) and report
the key and line the user must fix. They live in the gate because they ask the gate's rule
registry, CODEOWNERS reader and Rego compiler; the config package sits below the gate.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

from pydantic import ValidationError

from costgate.config import LoadedConfig, load_config, parse_config
from costgate.errors import ConfigError, PolicyError


def load_checked_config(path: Path, *, compile_now: bool = True) -> LoadedConfig:
    """Read a costgate.yml, validate every key and check its cross-references: what every command
    that reads a config calls. Raises ConfigError (PolicyError for a broken Rego file).

    Without `compile_now` the Rego policies' compile checks run in their children while the
    caller goes on, and a compile error is raised when the gate evaluates the policy: for the
    commands that always do (check, comment), so that they read the plan meanwhile."""
    loaded = load_config(path)
    check_references(loaded, compile_now=compile_now)
    return loaded


def parse_checked_config(text: str, path: Path) -> LoadedConfig:
    """`load_checked_config` of config text (`path` names it in messages)."""
    loaded = parse_config(text, path)
    check_references(loaded)
    return loaded


def check_references(loaded: LoadedConfig, *, compile_now: bool = True) -> None:
    """Raise ConfigError (or PolicyError for a broken Rego file) at the first problem (see
    load_checked_config for `compile_now`)."""
    from costgate.config import _clean_loc, _message
    from costgate.gate.registry import RETIRED_CODES, find_rule

    config = loaded.config
    teams = {t.name for t in config.teams}
    aliases = {a for t in config.teams for a in t.aliases}

    def known_team(name: str) -> bool:
        return not teams or name in teams or name in aliases  # no teams declared: free-form names

    names = [t.name for t in config.teams]
    for i, name in enumerate(names):
        if names.index(name) != i:
            raise loaded.error(("teams", i, "name"), f"team {name!r} is declared twice")
    for i, project in enumerate(config.projects):
        if project.team and not known_team(project.team):
            raise loaded.error(
                ("projects", i, "team"), f"unknown team {project.team!r} (teams: {', '.join(sorted(teams))})"
            )
    for i, owner_rule in enumerate(config.ownership.rules):
        if not known_team(owner_rule.team):
            raise loaded.error(
                ("ownership", "rules", i, "team"),
                f"unknown team {owner_rule.team!r} (teams: {', '.join(sorted(teams))})",
            )
    budget_names = [b.name for b in config.budgets]
    project_names = {p.name for p in config.projects}
    for i, budget in enumerate(config.budgets):
        if budget_names.index(budget.name) != i:
            raise loaded.error(("budgets", i, "name"), f"budget {budget.name!r} is declared twice")
        if budget.team and not known_team(budget.team):
            raise loaded.error(
                ("budgets", i, "team"), f"unknown team {budget.team!r} (teams: {', '.join(sorted(teams))})"
            )
        if budget.project and project_names and budget.project not in project_names:
            raise loaded.error(("budgets", i, "project"), f"unknown project {budget.project!r}")
        metric_names = [m.name for m in config.unit_metrics]
        if budget.unit_metric is not None and budget.unit_metric not in metric_names:
            raise loaded.error(
                ("budgets", i, "unit_metric"),
                f"unknown unit metric {budget.unit_metric!r} "
                f"(unit_metrics: {', '.join(metric_names) or 'none declared'})",
            )
    _check_showback(loaded, known_team, teams, project_names)
    seen_rules: dict[str, str] = {}
    for key in config.policies.rules:
        builtin = find_rule(key)
        if builtin is not None and builtin.code in seen_rules:
            raise loaded.error(
                ("policies", "rules", key),
                f"{key!r} and {seen_rules[builtin.code]!r} both set "
                f"{builtin.code} {builtin.name}; keep one (a code in any case and the rule's name are one rule)",
            )
        if builtin is not None:
            seen_rules[builtin.code] = key
    if config.ownership.codeowners:  # read now, so `config validate` fails where `check` would
        from costgate.gate.ownership import CodeOwners

        CodeOwners.load(loaded.resolve(config.ownership.codeowners))
    for key in config.policies.disable:
        if find_rule(key) is None:
            index = config.policies.disable.index(key)
            raise loaded.error(("policies", "disable", index), _unknown_rule(key, RETIRED_CODES))
    for key, setting in config.policies.rules.items():
        builtin = find_rule(key)
        if builtin is None:
            raise loaded.error(("policies", "rules", key), _unknown_rule(key, RETIRED_CODES))
        try:
            builtin.parse_params(setting.params)
        except ValidationError as exc:
            first = exc.errors()[0]
            loc = ("policies", "rules", key, "params", *_clean_loc(first["loc"]))
            raise loaded.error(loc, f"{_message(first)} ({builtin.code} {builtin.name})") from exc
    custom_ids = [c.id for c in config.policies.custom]
    for i, custom in enumerate(config.policies.custom):
        if custom_ids.index(custom.id) != i:
            raise loaded.error(("policies", "custom", i, "id"), f"custom rule id {custom.id!r} is used twice")
        if find_rule(custom.id) is not None:
            raise loaded.error(("policies", "custom", i, "id"), f"{custom.id!r} is a built-in rule name")
    rego_names = []
    from costgate.gate.rego import load_policy

    for i, rego in enumerate(config.policies.rego):
        path = loaded.resolve(rego.path)
        if not path.is_file():
            raise loaded.error(("policies", "rego", i, "path"), f"Rego policy file not found: {path}")
        try:
            policy = load_policy(path, rego.name, wait=compile_now)
        except PolicyError as exc:
            raise PolicyError(f"{exc} (from {loaded.where(('policies', 'rego', i, 'path'))})") from exc
        rego_names.append(policy.name)
    valid_waiver = set(custom_ids) | {f"budget:{n}" for n in budget_names} | {f"rego:{n}" for n in rego_names} | {"*"}
    for i, waiver in enumerate(config.waivers):
        rule_ref = waiver.rule
        if rule_ref in valid_waiver or find_rule(rule_ref) is not None:
            continue
        if re.fullmatch(r"budget:.+", rule_ref):
            raise loaded.error(("waivers", i, "rule"), f"no budget named {rule_ref[7:]!r}")
        raise loaded.error(
            ("waivers", i, "rule"),
            _unknown_rule(rule_ref, RETIRED_CODES) + " (or a custom rule id, budget:<name>, rego:<name>, *)",
        )


def _check_showback(
    loaded: LoadedConfig, known_team: Callable[[str], bool], teams: set[str], project_names: set[str]
) -> None:
    """Shared pools (unique names, a split rule with what it needs, fixed shares summing to 100)
    and unit metrics (unique names, known projects)."""
    config = loaded.config
    pool_names = [p.name for p in config.showback.shared]
    for i, pool in enumerate(config.showback.shared):
        where = ("showback", "shared", i)
        if pool_names.index(pool.name) != i:
            raise loaded.error((*where, "name"), f"shared pool {pool.name!r} is declared twice")
        if pool.split == "fixed":
            if not pool.percentages:
                raise loaded.error(
                    (*where, "split"), "split: fixed needs percentages (owner -> percent, summing to 100)"
                )
            total = sum(pool.percentages.values(), Decimal(0))
            if total != 100:
                raise loaded.error((*where, "percentages"), f"the percentages sum to {total.normalize():f}, not 100")
            if pool.among:
                raise loaded.error((*where, "among"), "split: fixed shares among the owners in percentages; drop among")
        elif pool.percentages:
            raise loaded.error((*where, "percentages"), f"percentages go with split: fixed, not split: {pool.split}")
        if pool.by == "team":
            for key, owners in (("among", pool.among), ("percentages", list(pool.percentages))):
                for owner in owners:
                    if not known_team(owner):
                        raise loaded.error((*where, key), f"unknown team {owner!r} (teams: {', '.join(sorted(teams))})")
    metric_names = [m.name for m in config.unit_metrics]
    for i, metric in enumerate(config.unit_metrics):
        if metric_names.index(metric.name) != i:
            raise loaded.error(("unit_metrics", i, "name"), f"unit metric {metric.name!r} is declared twice")
        if metric.project and project_names and metric.project not in project_names:
            raise loaded.error(("unit_metrics", i, "project"), f"unknown project {metric.project!r}")


def _unknown_rule(key: str, retired: frozenset[str]) -> str:
    if key.upper() in retired:
        return f"rule {key} was retired and no longer exists"
    return f"unknown rule {key!r} (see docs/rules/)"


__all__ = ["ConfigError", "check_references"]
