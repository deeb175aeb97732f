"""CG406 elasticache-x86-node: an x86 ElastiCache node type with a cheaper Graviton twin.

What it flags:
    `aws_elasticache_cluster` and `aws_elasticache_replication_group` node types cache.t3,
    cache.m5, cache.m6i, cache.r5, cache.r6i.
Why it costs:
    Graviton node types (cache.t4g, cache.m6g, cache.r6g) cost about 5-10% less per hour
    with the same memory; Redis, Valkey and Memcached run on them unchanged.
Example:
    resource "aws_elasticache_cluster" "cache" { engine = "redis"  node_type = "cache.r5.large" }
Cheaper alternative:
    The Graviton node type of the same size (cache.r6g.large).
Saving estimate:
    The node-hours component re-priced with the Graviton node type.
Parameters:
    None.
References:
    https://aws.amazon.com/elasticache/pricing/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.gate.model import Severity
from costgate.gate.rule import Hit, NoParams, Rule, RuleContext, Status
from costgate.gate.rules._helpers import ELASTICACHE_GRAVITON, instance_types_of, replacement_type, swap_saving


def check(ctx: RuleContext, params: NoParams) -> Iterator[Hit]:
    """Flag x86 cache nodes with a Graviton twin; re-price them."""
    for item in ctx.items("aws_elasticache_cluster", "aws_elasticache_replication_group"):
        for old in instance_types_of(item):
            new = replacement_type(old, ELASTICACHE_GRAVITON)
            if new is not None:
                yield ctx.hit(
                    item, f"{item.address} uses x86 {old}; Graviton {new} costs less", swap_saving(ctx, item, old, new)
                )


RULE = Rule(
    code="CG406",
    name="elasticache-x86-node",
    title="x86 ElastiCache node with a Graviton equivalent",
    severity=Severity.INFO,
    params=NoParams,
    check=check,
    status=Status.STABLE,
    doc=__doc__ or "",
)
