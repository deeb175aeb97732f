"""What several rules share: instance family tables, references between resources, re-pricing
an instance type, and reading tags. Data and pure functions only."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal

from costgate.gate.rule import Item, RuleContext, components_with, total

EC2_PREVIOUS_GENERATION: Mapping[str, str] = {
    "t1": "t3",
    "t2": "t3",
    "m1": "m5",
    "m2": "r5",
    "m3": "m5",
    "m4": "m5",
    "c1": "c5",
    "c3": "c5",
    "c4": "c5",
    "r3": "r5",
    "r4": "r5",
    "i2": "i3",
    "d2": "d3",
    "g2": "g4dn",
    "g3": "g4dn",
    "p2": "p3",
    "x1": "x2idn",
    "x1e": "x2iedn",
    "cc2": "c5",
    "cr1": "r5",
    "hs1": "d3",
}
"""EC2 previous-generation family -> current family with the same shape (AWS's list)."""

EC2_GRAVITON: Mapping[str, str] = {
    "t3": "t4g",
    "t3a": "t4g",
    "m5": "m6g",
    "m5a": "m6g",
    "m6i": "m7g",
    "m6a": "m7g",
    "m7i": "m7g",
    "m7a": "m7g",
    "c5": "c6g",
    "c5a": "c6g",
    "c6i": "c7g",
    "c6a": "c7g",
    "c7i": "c7g",
    "c7a": "c7g",
    "r5": "r6g",
    "r5a": "r6g",
    "r6i": "r7g",
    "r6a": "r7g",
    "r7i": "r7g",
    "r7a": "r7g",
    # local NVMe (d) and network-optimised (n) variants have Graviton twins of their own (M6gd, C6gd,
    # R6gd, C6gn and their Graviton3 successors, in AWS's list of Graviton instance families)
    "m5d": "m6gd",
    "m5ad": "m6gd",
    "m6id": "m7gd",
    "c5d": "c6gd",
    "c5ad": "c6gd",
    "c6id": "c7gd",
    "r5d": "r6gd",
    "r5ad": "r6gd",
    "r6id": "r7gd",
    "c5n": "c6gn",
    "c6in": "c7gn",
}
"""EC2 x86 family -> Graviton (arm64) family of the same vCPU and memory per size."""

RDS_PREVIOUS_GENERATION: Mapping[str, str] = {
    "db.t2": "db.t3",
    "db.m1": "db.m5",
    "db.m2": "db.r5",
    "db.m3": "db.m5",
    "db.m4": "db.m5",
    "db.r3": "db.r5",
    "db.r4": "db.r5",
}
RDS_GRAVITON: Mapping[str, str] = {
    "db.t3": "db.t4g",
    "db.m5": "db.m6g",
    "db.m6i": "db.m7g",
    "db.r5": "db.r6g",
    "db.r6i": "db.r7g",
}
ELASTICACHE_PREVIOUS_GENERATION: Mapping[str, str] = {
    "cache.t1": "cache.t3",
    "cache.t2": "cache.t3",
    "cache.m1": "cache.m5",
    "cache.m2": "cache.r5",
    "cache.m3": "cache.m5",
    "cache.m4": "cache.m5",
    "cache.c1": "cache.m5",
    "cache.r3": "cache.r5",
    "cache.r4": "cache.r5",
}
ELASTICACHE_GRAVITON: Mapping[str, str] = {
    "cache.t3": "cache.t4g",
    "cache.m5": "cache.m6g",
    "cache.m6i": "cache.m7g",
    "cache.r5": "cache.r6g",
    "cache.r6i": "cache.r7g",
}

SIZES = (
    "nano",
    "micro",
    "small",
    "medium",
    "large",
    "xlarge",
    "2xlarge",
    "3xlarge",
    "4xlarge",
    "6xlarge",
    "8xlarge",
    "9xlarge",
    "10xlarge",
    "12xlarge",
    "16xlarge",
    "18xlarge",
    "24xlarge",
    "32xlarge",
    "48xlarge",
    "metal",
)
"""Instance sizes from smallest to largest (AWS naming, EC2, RDS and ElastiCache alike)."""

EC2_INSTANCE_TYPES = ("aws_instance", "aws_launch_template", "aws_launch_configuration")


def split_instance_type(instance_type: str) -> tuple[str, str] | None:
    """('db.m4', 'large') for 'db.m4.large'; None when the value has no size."""
    family, dot, size = instance_type.rpartition(".")
    return (family, size) if dot and family and size else None


def replacement_type(instance_type: str, table: Mapping[str, str]) -> str | None:
    """The same size in the family `table` maps to, or None when the family is not listed."""
    parts = split_instance_type(instance_type)
    if parts is None or parts[0] not in table:
        return None
    return f"{table[parts[0]]}.{parts[1]}"


def size_rank(instance_type: str) -> int | None:
    """Position of the size in SIZES (bigger is larger); None for unknown sizes."""
    parts = split_instance_type(instance_type)
    if parts is None:
        return None
    return SIZES.index(parts[1]) if parts[1] in SIZES else None


def instance_types_of(item: Item) -> list[str]:
    """The instance type(s) a compute resource declares (node groups list several)."""
    r = item.cost.resource
    if r.type == "aws_eks_node_group":
        return [str(t) for t in r.get("instance_types", []) if t]
    key = (
        "instance_class"
        if r.type in ("aws_db_instance", "aws_rds_cluster_instance")
        else "node_type"
        if r.type in ("aws_elasticache_cluster", "aws_elasticache_replication_group")
        else "instance_type"
    )
    value = r.get(key)
    return [str(value)] if value else []


def swap_saving(ctx: RuleContext, item: Item, old: str, new: str) -> Decimal | None:
    """Monthly saving of replacing instance type `old` by `new` in every component priced on it."""
    return total(ctx.reprice(c, [(old, new)]) for c in components_with(item.cost, instanceType=old))


def references(ctx: RuleContext, target: Item, types: Iterable[str], attribute: str) -> bool:
    """Whether a resource of `types` in the same project and module points at `target` via `attribute`.

    Matched by the configuration's references (`aws_s3_bucket.logs`) and, when known, by value
    (the bucket name, also inside a longer value such as an ARN), so both `bucket =
    aws_s3_bucket.logs.id` and a literal name count. The pointing resources are indexed once
    per run (RuleContext.memo): one question per bucket must not walk the plan each time.
    """
    kinds = tuple(types)
    index = ctx.memo(("references", kinds, attribute), lambda: _References.of(ctx, kinds, attribute))
    return index.points_at(target)


@dataclass(frozen=True)
class _References:
    """Who points at what through one attribute: configuration references as (project, module,
    config address), and the attribute's values per project (exact, and joined by NUL for a
    substring search in one pass: names and ARNs never hold a NUL)."""

    refs: frozenset[tuple[str, str, str]]
    values: Mapping[str, frozenset[str]]
    joined: Mapping[str, str]

    @classmethod
    def of(cls, ctx: RuleContext, types: tuple[str, ...], attribute: str) -> _References:
        refs: set[tuple[str, str, str]] = set()
        values: dict[str, list[str]] = {}
        for other in ctx.all_after(*types):
            o = other.cost.resource
            for config_address in o.refs.get(attribute, ()):
                refs.add((other.project.name, o.module, config_address))
            value = o.get(attribute)
            if value is not None:
                values.setdefault(other.project.name, []).append(str(value))
        return cls(
            refs=frozenset(refs),
            values={k: frozenset(v) for k, v in values.items()},
            joined={k: "\0".join(v) for k, v in values.items()},
        )

    def points_at(self, target: Item) -> bool:
        r, project = target.cost.resource, target.project.name
        if (project, r.module, f"{r.type}.{r.name}") in self.refs:
            return True
        values = self.values.get(project)
        if not values:
            return False
        own = {str(v) for v in (r.get("id"), r.get("bucket"), r.get("name"), r.get("arn")) if v}
        for v in own:
            if v in values:
                return True
            if "\0" in v:
                if any(v in value for value in values):
                    return True
            elif v in self.joined[project]:
                return True
        return False


def tag(item: Item, key: str) -> str | None:
    """A tag value (provider default_tags included), or None."""
    value = item.cost.resource.tags.get(key)
    return None if value is None else str(value)
