"""vCPUs of an EC2 or RDS instance type from its size name, for prices billed per vCPU.

No shipped price source carries vCPU counts for every type, but current-generation sizes follow
one rule: large = 2 vCPUs, xlarge = 4, Nxlarge = 4 x N. Burstable nano/micro/small/medium have
2 vCPUs except T2 (1 for nano/micro/small). Older medium/small sizes (m1, m3, c1) have 1.
Metal and unknown sizes give None: the caller must treat the count as unknown.
"""

from __future__ import annotations

import re
from decimal import Decimal

_NXLARGE = re.compile(r"^(\d+)xlarge$")
_ONE_VCPU = frozenset(
    {"t2.nano", "t2.micro", "t2.small", "t1.micro", "m1.small", "m1.medium", "m3.medium", "c1.medium"}
)


def vcpus(instance_type: str | None) -> Decimal | None:
    """vCPUs of 'm5.2xlarge' or 'db.r6g.large' (the db. prefix is ignored); None when unknown."""
    if not instance_type:
        return None
    name = instance_type.removeprefix("db.").removeprefix("cache.").removeprefix("ml.")
    family, _, size = name.partition(".")
    if name in _ONE_VCPU:
        return Decimal(1)
    if size in ("nano", "micro", "small", "medium", "large"):
        return Decimal(2)
    if size == "xlarge":
        return Decimal(4)
    match = _NXLARGE.match(size)
    return Decimal(4 * int(match.group(1))) if match and family else None
