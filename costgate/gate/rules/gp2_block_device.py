"""CG102 gp2-block-device: an instance or launch template disk on gp2.

What it flags:
    Root and EBS block devices of `aws_instance`, and EBS block device mappings of
    `aws_launch_template`, whose `volume_type` is gp2.
Why it costs:
    Every instance launched carries its disks; gp2 costs about 20% more per GB-month than gp3.
Example:
    resource "aws_instance" "web" { root_block_device { volume_type = "gp2"  volume_size = 100 } }
Cheaper alternative:
    `volume_type = "gp3"` on the block device.
Saving estimate:
    Each gp2 storage component of the resource re-priced as gp3 at the same size.
Parameters:
    None.
References:
    https://aws.amazon.com/ebs/pricing/
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from costgate.gate.model import Severity
from costgate.gate.rule import Hit, NoParams, Rule, RuleContext, Status, components_with, total


def _devices(values: Mapping[str, Any], kind: str) -> Iterator[Mapping[str, Any]]:
    if kind == "aws_instance":
        for key in ("root_block_device", "ebs_block_device"):
            for block in values.get(key) or []:
                if isinstance(block, Mapping):
                    yield block
    else:
        for mapping in values.get("block_device_mappings") or []:
            for ebs in (mapping.get("ebs") or []) if isinstance(mapping, Mapping) else []:
                if isinstance(ebs, Mapping):
                    yield ebs


def check(ctx: RuleContext, params: NoParams) -> Iterator[Hit]:
    """Flag gp2 block devices and re-price them as gp3."""
    for item in ctx.items("aws_instance", "aws_launch_template"):
        r = item.cost.resource
        gp2 = [d for d in _devices(r.values, r.type) if str(d.get("volume_type") or "").lower() == "gp2"]
        if not gp2:
            continue
        saving = total(ctx.reprice(c, [("gp2", "gp3")]) for c in components_with(item.cost, volumeApiName="gp2"))
        yield ctx.hit(item, f"{item.address} has {len(gp2)} gp2 block device(s); gp3 costs less per GB", saving)


RULE = Rule(
    code="CG102",
    name="gp2-block-device",
    title="Instance disk on gp2",
    severity=Severity.WARN,
    params=NoParams,
    check=check,
    status=Status.STABLE,
    doc=__doc__ or "",
)
