"""CG107 magnetic-volume: an EBS volume on previous-generation magnetic storage.

What it flags:
    `aws_ebs_volume` resources of type `standard` (magnetic).
Why it costs:
    Magnetic volumes bill every I/O request on top of storage and are a previous-generation
    type; a busy volume costs more than gp3 and performs far worse.
Example:
    resource "aws_ebs_volume" "old" { size = 100  type = "standard" }
Cheaper alternative:
    gp3 (SSD) for active data, sc1 for cold data above 125 GB.
Saving estimate:
    Storage re-priced as gp3 at the same size, plus the I/O request charge when usage gave
    it; can be negative for idle volumes, and then no saving is shown.
Parameters:
    None.
References:
    https://docs.aws.amazon.com/ebs/latest/userguide/ebs-volume-types.html
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.gate.model import Severity
from costgate.gate.rule import Hit, NoParams, Rule, RuleContext, Status, components_with, total


def check(ctx: RuleContext, params: NoParams) -> Iterator[Hit]:
    """Flag magnetic volumes; price their storage as gp3 and count their I/O charge as saved."""
    for item in ctx.items("aws_ebs_volume"):
        if str(item.cost.resource.get("type", "")).lower() != "standard":
            continue
        storage = components_with(item.cost, volumeApiName="standard", usagetype="*VolumeUsage")
        saving = total(
            ctx.reprice(c, [], set_attributes={"volumeApiName": "gp3", "usagetype": _gp3(c.query.attributes)})
            for c in storage
            if c.query is not None
        )
        io = total(c.monthly_cost for c in components_with(item.cost, usagetype="*VolumeIOUsage*"))
        if saving is not None and io is not None:
            saving += io
        yield ctx.hit(
            item, f"{item.address} is a magnetic (standard) volume; gp3 is faster and usually cheaper", saving
        )


def _gp3(attributes: tuple[tuple[str, str], ...]) -> str:
    usagetype = dict(attributes).get("usagetype", "EBS:VolumeUsage")
    return usagetype + ".gp3"


RULE = Rule(
    code="CG107",
    name="magnetic-volume",
    title="EBS magnetic volume",
    severity=Severity.WARN,
    params=NoParams,
    check=check,
    status=Status.PREVIEW,
    doc=__doc__ or "",
)
