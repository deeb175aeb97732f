"""CG405 elasticache-previous-generation-node: an ElastiCache node type from a previous generation.

What it flags:
    `aws_elasticache_cluster` and `aws_elasticache_replication_group` node types cache.t2,
    cache.m3, cache.m4, cache.r3, cache.r4 and older.
Why it costs:
    Current node types cost the same or less per hour with more memory bandwidth.
Example:
    resource "aws_elasticache_cluster" "sessions" { node_type = "cache.m4.large" }
Cheaper alternative:
    The same size in the current family: cache.t2 -> cache.t3, cache.m4 -> cache.m5, cache.r4 -> cache.r5.
Saving estimate:
    The node-hours component re-priced with the current node type (same engine, node count).
Parameters:
    None.
References:
    https://aws.amazon.com/elasticache/previous-generation/
    https://aws.amazon.com/elasticache/pricing/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.gate.model import Severity
from costgate.gate.rule import Hit, NoParams, Rule, RuleContext, Status
from costgate.gate.rules._helpers import (
    ELASTICACHE_PREVIOUS_GENERATION,
    instance_types_of,
    replacement_type,
    swap_saving,
)


def check(ctx: RuleContext, params: NoParams) -> Iterator[Hit]:
    """Flag previous-generation cache nodes; re-price each as its current twin."""
    for item in ctx.items("aws_elasticache_cluster", "aws_elasticache_replication_group"):
        for old in instance_types_of(item):
            new = replacement_type(old, ELASTICACHE_PREVIOUS_GENERATION)
            if new is not None:
                yield ctx.hit(
                    item,
                    f"{item.address} uses previous-generation {old}; {new} costs less",
                    swap_saving(ctx, item, old, new),
                )


RULE = Rule(
    code="CG405",
    name="elasticache-previous-generation-node",
    title="Previous-generation ElastiCache node",
    severity=Severity.WARN,
    params=NoParams,
    check=check,
    status=Status.STABLE,
    doc=__doc__ or "",
)
