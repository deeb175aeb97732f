"""Usage profiles: small / medium / large defaults for usage keys, chosen by flag.

A profile fills usage keys the usage file leaves out, so a team can see a plausible order of
magnitude for usage-based costs before it has measured anything. The values live in
costgate/resources/<provider>/usage_profiles.yaml (type -> key -> {small, medium, large});
anything the usage file gives wins over the profile.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import cache
from importlib import resources
from typing import Any

from costgate.errors import UsageFileError
from costgate.model import Resource
from costgate.resources.base import Usage
from costgate.resources.registry import providers
from costgate.safe_yaml import load_data

PROFILES = ("small", "medium", "large")


@cache
def profile_table(provider: str) -> Mapping[str, Mapping[str, Mapping[str, Any]]]:
    """type -> usage key -> {small, medium, large} for one provider (empty when none)."""
    try:
        text = (
            resources.files(f"costgate.resources.{provider}")
            .joinpath("usage_profiles.yaml")
            .read_text(encoding="utf-8")
        )
    except (FileNotFoundError, ModuleNotFoundError):
        return {}
    return load_data(text) or {}


def profile_values(rtype: str, profile: str) -> dict[str, Any]:
    """The profile's usage values for one type (dotted keys become nested mappings)."""
    out: dict[str, Any] = {}
    for prov in providers():
        for key, levels in profile_table(prov).get(rtype, {}).items():
            if profile not in levels:
                continue
            target = out
            parts = key.split(".")
            for part in parts[:-1]:
                target = target.setdefault(part, {})
            target[parts[-1]] = levels[profile]
    return out


def _deep_merge(base: dict[str, Any], top: Mapping[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in top.items():
        if isinstance(value, Mapping) and isinstance(out.get(key), Mapping) and set(value) != {"min", "max"}:
            out[key] = _deep_merge(dict(out[key]), value)
        else:
            out[key] = value
    return out


def with_profile(profile: str, inner: Callable[[Resource], Usage] | None) -> Callable[[Resource], Usage]:
    """A usage lookup that fills gaps of `inner` (the usage file) from `profile`."""
    if profile not in PROFILES:
        raise UsageFileError(f"unknown usage profile {profile!r} (choose from {', '.join(PROFILES)})")

    def lookup(resource: Resource) -> Usage:
        given = inner(resource).values if inner else {}
        return Usage(_deep_merge(profile_values(resource.type, profile), given))

    return lookup
