"""Fargate task sizes and their price queries, shared by the ECS service pricer.

Task definitions give cpu in CPU units ("1024") or as text ("1 vCPU"), and memory in MiB
("2048") or as text ("2 GB"); Fargate bills vCPU-hours and GB-hours.
"""

from __future__ import annotations

import json
import re
from decimal import Decimal
from typing import Any

from costgate.model import PriceQuery, Resource
from costgate.resources.aws._common import aws_query, ut
from costgate.resources.base import dec

_UNIT = re.compile(r"^\s*([0-9.]+)\s*([a-zA-Z]*)")


def _size(value: Any, per: Decimal, text_units: tuple[str, ...]) -> Decimal | None:
    """'1 vCPU' -> 1, '1024' -> 1 (per 1024); '2 GB' -> 2, '2048' -> 2."""
    if value is None:
        return None
    match = _UNIT.match(str(value))
    if not match:
        return None
    number = dec(match.group(1))
    if number is None:
        return None
    return number if match.group(2).lower() in text_units else number / per


def vcpus(value: Any) -> Decimal | None:
    """vCPUs from a task or container cpu value."""
    return _size(value, Decimal(1024), ("vcpu", "vcpus"))


def memory_gb(value: Any) -> Decimal | None:
    """GB from a task or container memory value (MiB / 1024)."""
    return _size(value, Decimal(1024), ("gb",))


def task_size(task: Resource) -> tuple[Decimal | None, Decimal | None]:
    """(vCPUs, GB) of a task: task-level values, else the sum over its containers."""
    cpu, mem = vcpus(task.get("cpu")), memory_gb(task.get("memory"))
    if cpu is not None and mem is not None:
        return cpu, mem
    try:
        containers = json.loads(task.get("container_definitions", "[]"))
    except (TypeError, ValueError):
        containers = []
    if isinstance(containers, list) and containers:
        items = [c for c in containers if isinstance(c, dict)]
        if cpu is None and all(c.get("cpu") is not None for c in items):
            cpu = sum((vcpus(c.get("cpu")) or Decimal(0) for c in items), Decimal(0))
        if mem is None and all(c.get("memory") is not None for c in items):
            mem = sum((memory_gb(c.get("memory")) or Decimal(0) for c in items), Decimal(0))
    return cpu, mem


def usagetype_prefix(task: Resource) -> str:
    """'Fargate-ARM-' for arm64 tasks, 'Fargate-Windows-' for Windows ones, else 'Fargate-'."""
    platform = task.block("runtime_platform")
    if str(platform.get("operating_system_family") or "LINUX").upper().startswith("WINDOWS"):
        return "Fargate-Windows-"
    if str(platform.get("cpu_architecture") or "X86_64").upper() == "ARM64":
        return "Fargate-ARM-"
    return "Fargate-"


def query(r: Resource, suffix: str) -> PriceQuery:
    """A Fargate product in the AmazonECS offer (family Compute) by usagetype suffix."""
    return aws_query(r, "AmazonECS", "Compute", {"usagetype": ut(r, suffix)})
