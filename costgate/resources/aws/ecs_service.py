"""aws_ecs_service: an ECS service; Fargate services are priced from their task definition.

Prices:
    Per vCPU per hour: task vCPUs x desired_count, per vCPU-month (730 h).
    Per GB per hour: task memory GB x desired_count, per GB-month (730 h).
    Ephemeral storage: GB above the free 20 GB x desired_count, per GB-month (730 h).
Usage keys:
    None.
Not priced / assumptions:
    A service is Fargate when launch_type is FARGATE, its capacity_provider_strategy names FARGATE or
    FARGATE_SPOT, or its cluster's aws_ecs_cluster_capacity_providers enables FARGATE(_SPOT).
    EC2 launch type services run on instances priced on their own resources (aws_instance,
    aws_autoscaling_group): this pricer yields a no-charge line for them. A service without task_definition
    takes it from an aws_ecs_task_set of the service. Task-level cpu/memory win; else containers
    are summed. arm64 tasks use the Fargate-ARM usagetypes, Windows tasks Fargate-Windows (the
    Windows OS licence fee is not priced). FARGATE_SPOT is priced at the on-demand rate.
    desired_count unknown until apply: the provider default 1 is not assumed; quantities then
    depend on usage (None).
References:
    https://aws.amazon.com/fargate/pricing/
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from decimal import Decimal

from costgate.model import HOURS_PER_MONTH, CostComponent, Resource
from costgate.resources.aws import _fargate
from costgate.resources.base import Pricer, PricingContext, monthly, no_charge, number

FARGATE = ("FARGATE", "FARGATE_SPOT")


def _names_fargate(blocks: list[Mapping[str, object]]) -> bool:
    return any(str(b.get("capacity_provider", "")).upper() in FARGATE for b in blocks)


def is_fargate(r: Resource, ctx: PricingContext) -> bool:
    """Whether the service's tasks run on Fargate (see the module docstring)."""
    if str(r.get("launch_type", "")).upper() == "FARGATE" or _names_fargate(
        list(r.blocks("capacity_provider_strategy"))
    ):
        return True
    cluster = ctx.resolve(r, "cluster")
    if cluster is None:
        return False
    for cp in ctx.referencing(cluster, "aws_ecs_cluster_capacity_providers", "cluster_name"):
        if any(str(p).upper() in FARGATE for p in cp.get("capacity_providers", [])):
            return True
    return False


def _task(r: Resource, ctx: PricingContext) -> Resource | None:
    task = ctx.resolve(r, "task_definition")
    if task is None:
        for task_set in ctx.referencing(r, "aws_ecs_task_set", "service"):
            task = ctx.resolve(task_set, "task_definition")
            if task is not None:
                break
    return task


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    task = _task(r, ctx)
    if not is_fargate(r, ctx):
        yield no_charge(
            r, "Tasks", "not on Fargate: the tasks run on EC2 or external capacity, billed as that capacity"
        )
        return
    if task is None:
        return
    count = None if r.is_unknown("desired_count") else number(r, "desired_count", Decimal(0))
    cpu, mem = _fargate.task_size(task)
    prefix = _fargate.usagetype_prefix(task)
    storage = number(task.block("ephemeral_storage"), "size_in_gib", Decimal(20)) or Decimal(20)
    parts = [
        ("Per vCPU per hour", "vCPU", cpu, "vCPU-Hours:perCPU"),
        ("Per GB per hour", "GB", mem, "GB-Hours"),
    ]
    if storage > 20:
        parts.append(("Ephemeral storage", "GB", storage - 20, "EphemeralStorage-GB-Hours"))
    for name, unit, size, suffix in parts:
        quantity = None if count is None or size is None else size * count
        yield monthly(name, unit, quantity, _fargate.query(r, prefix + suffix), unit_multiplier=HOURS_PER_MONTH)


PRICER = Pricer(type="aws_ecs_service", price=_price, doc=__doc__ or "")
