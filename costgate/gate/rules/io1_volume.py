"""CG103 io1-volume: an EBS volume on io1.

What it flags:
    `aws_ebs_volume` resources of type io1.
Why it costs:
    io1 charges for every provisioned IOPS. gp3 includes 3,000 IOPS and sells more, up to
    16,000, far cheaper; io2 costs the same as io1 at low IOPS, less above 32,000, with
    better durability.
Example:
    resource "aws_ebs_volume" "db" { size = 200  type = "io1"  iops = 5000 }
Cheaper alternative:
    gp3 with the same IOPS when they are at most `max_gp3_iops`; io2 otherwise.
Saving estimate:
    Storage re-priced as gp3 (same GB) plus io1 IOPS re-priced as gp3 IOPS above the 3,000
    included; for volumes that must stay on Provisioned IOPS, storage re-priced as io2.
Parameters:
    max_gp3_iops (int, default 16000): the most IOPS a gp3 volume can provision.
References:
    https://aws.amazon.com/ebs/pricing/
    https://docs.aws.amazon.com/ebs/latest/userguide/ebs-volume-types.html
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from pydantic import BaseModel, ConfigDict

from costgate.gate.model import Severity
from costgate.gate.rule import Hit, Rule, RuleContext, Status, alternative_query, components_with, total
from costgate.resources.base import dec


class Params(BaseModel):
    """Parameters of CG103."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    max_gp3_iops: int = 16000


GP3_INCLUDED_IOPS = Decimal(3000)


def check(ctx: RuleContext, params: Params) -> Iterator[Hit]:
    """Flag io1 volumes; price them as gp3 (or io2 above the gp3 IOPS ceiling)."""
    for item in ctx.items("aws_ebs_volume"):
        r = item.cost.resource
        if str(r.get("type", "")).lower() != "io1":
            continue
        iops = dec(r.get("iops")) or Decimal(0)
        storage = components_with(item.cost, volumeApiName="io1", usagetype="*VolumeUsage*")
        if iops <= params.max_gp3_iops:
            target = "gp3"
            saving = total(ctx.reprice(c, [("piops", "gp3"), ("io1", "gp3")]) for c in storage)
            for c in components_with(item.cost, volumeApiName="io1", usagetype="*VolumeP-IOPS*"):
                if c.query is None or c.monthly_cost is None:
                    continue
                gp3 = ctx.find_price(alternative_query(c.query, [("piops", "gp3"), ("io1", "gp3")]))
                if gp3 is not None and saving is not None:
                    saving += c.monthly_cost - gp3 * max(Decimal(0), iops - GP3_INCLUDED_IOPS)
        else:
            target = "io2"
            saving = total(ctx.reprice(c, [("piops", "io2"), ("io1", "io2")]) for c in storage)
        yield ctx.hit(item, f"{item.address} is an io1 volume ({iops} IOPS); {target} costs less", saving)


RULE = Rule(
    code="CG103",
    name="io1-volume",
    title="EBS volume on io1",
    severity=Severity.WARN,
    params=Params,
    check=check,
    status=Status.STABLE,
    doc=__doc__ or "",
)
