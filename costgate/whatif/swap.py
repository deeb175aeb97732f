"""`--swap instance-family=graviton`: every x86 instance type that has a Graviton (arm64) family
of the same shape, rewritten to it, so the plan can be priced as if it were built that way.

The family tables are the gate's (gate/rules/_helpers.py: EC2, RDS and ElastiCache x86 family ->
Graviton family, from AWS's Graviton family list), so the CG202/CG404/CG304-style suggestions
and this what-if never disagree on what the twin of a family is. When the first twin has no
price in a region (Graviton4 and newer families are not sold everywhere, nor every size), the
next generation is tried (`m6g` -> `m7g`); when none is priced, the resource keeps its type
and the what-if says why.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Final

from costgate.errors import UsageError
from costgate.gate.rules._helpers import (
    EC2_GRAVITON,
    ELASTICACHE_GRAVITON,
    RDS_GRAVITON,
    replacement_type,
)
from costgate.model import Resource
from costgate.pipeline import Rewrite

SWAPS: Final[tuple[str, ...]] = ("instance-family=graviton",)
"""The `--swap` values costgate knows."""

NEXT_GENERATION: Final[Mapping[str, str]] = {
    "m6g": "m7g",
    "c6g": "c7g",
    "r6g": "r7g",
    "m7g": "m8g",
    "c7g": "c8g",
    "r7g": "r8g",
    "m6gd": "m7gd",
    "c6gd": "c7gd",
    "r6gd": "r7gd",
    "c6gn": "c7gn",
    "db.m6g": "db.m7g",
    "db.r6g": "db.r7g",
    "db.m7g": "db.m8g",
    "db.r7g": "db.r8g",
    "cache.m6g": "cache.m7g",
    "cache.r6g": "cache.r7g",
}
"""A Graviton family -> the next Graviton generation of the same shape (Graviton2 -> 3 -> 4)."""

ATTEMPTS: Final = 2
"""How many Graviton generations are tried per type: the twin, then the next generation."""

_FIELDS: Final[dict[str, tuple[str, Mapping[str, str]]]] = {
    "aws_instance": ("instance_type", EC2_GRAVITON),
    "aws_launch_template": ("instance_type", EC2_GRAVITON),
    "aws_launch_configuration": ("instance_type", EC2_GRAVITON),
    "aws_eks_node_group": ("instance_types", EC2_GRAVITON),
    "aws_db_instance": ("instance_class", RDS_GRAVITON),
    "aws_rds_cluster_instance": ("instance_class", RDS_GRAVITON),
    "aws_elasticache_cluster": ("node_type", ELASTICACHE_GRAVITON),
    "aws_elasticache_replication_group": ("node_type", ELASTICACHE_GRAVITON),
}
"""Resource type -> the attribute that names its instance type, and the family table it uses."""


def parse_swap(value: str) -> str:
    """The `--swap` value, checked. Raises UsageError for one costgate does not know."""
    text = value.strip().lower().replace(" ", "")
    if text not in SWAPS:
        raise UsageError(f"--swap: {value!r} is not a known swap (choose from {', '.join(SWAPS)})")
    return text


def twin(instance_type: str, table: Mapping[str, str], attempt: int) -> str | None:
    """The Graviton type of `attempt` (0: the twin, 1: the next generation, ...), or None."""
    new = replacement_type(instance_type, table)
    for _ in range(attempt):
        if new is None:
            return None
        family, _, size = new.rpartition(".")
        nxt = NEXT_GENERATION.get(family)
        new = f"{nxt}.{size}" if nxt else None
    return new


def swappable(resource: Resource) -> list[str]:
    """The x86 types of `resource` that have a Graviton twin (several for a node group)."""
    spec = _FIELDS.get(resource.type)
    if spec is None or resource.provider != "aws":
        return []
    key, table = spec
    return [t for t in _types(resource.values.get(key)) if replacement_type(t, table) is not None]


def instance_types(resource: Resource) -> tuple[str, ...]:
    """The instance type(s) `resource` declares where a swap would change them ((): none)."""
    spec = _FIELDS.get(resource.type)
    return tuple(_types(resource.values.get(spec[0]))) if spec is not None else ()


def _types(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, Sequence):
        return [v for v in value if isinstance(v, str)]
    return []


def graviton(attempt: int, then: Rewrite | None = None) -> Rewrite:
    """The rewrite that gives every swappable resource its Graviton type of `attempt` (after
    `then`, the region move); types with no such generation are left as they are."""

    def swap(resource: Resource) -> Resource:
        if then is not None:
            resource = then(resource)
        spec = _FIELDS.get(resource.type)
        if spec is None or resource.provider != "aws":
            return resource
        key, table = spec
        value = resource.values.get(key)
        if isinstance(value, str):
            new: object = twin(value, table, attempt) or value
        elif isinstance(value, list):
            new = [(twin(v, table, attempt) or v) if isinstance(v, str) else v for v in value]
        else:
            return resource
        if new == value:
            return resource
        return replace(resource, values={**resource.values, key: new})

    return swap
