"""CG101 gp2-volume: an EBS volume on gp2.

What it flags:
    `aws_ebs_volume` resources whose `type` is gp2, or unset (the EC2 API then creates gp2).
Why it costs:
    gp2 storage costs about 20% more per GB-month than gp3, and gp2's performance is tied to
    size, so teams over-provision gigabytes to buy IOPS.
Example:
    resource "aws_ebs_volume" "data" { availability_zone = "eu-west-1a"  size = 500  type = "gp2" }
Cheaper alternative:
    `type = "gp3"`: a 3,000 IOPS and 125 MiB/s baseline at any size, priced lower per GB.
    Volumes above 1,000 GB had more than 3,000 gp2 IOPS; provision those IOPS on gp3 if needed.
Saving estimate:
    The volume's gp2 storage component re-priced as gp3 at the same size (same region),
    from the catalog: (gp2 price - gp3 price) x GB.
Parameters:
    None.
References:
    https://aws.amazon.com/ebs/pricing/
    https://aws.amazon.com/blogs/storage/migrate-your-amazon-ebs-volumes-from-gp2-to-gp3-and-save-up-to-20-on-costs/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.gate.model import Severity
from costgate.gate.rule import Hit, NoParams, Rule, RuleContext, Status, components_with, total


def check(ctx: RuleContext, params: NoParams) -> Iterator[Hit]:
    """Flag gp2 volumes and re-price their storage as gp3."""
    for item in ctx.items("aws_ebs_volume"):
        r = item.cost.resource
        if r.is_unknown("type") or str(r.get("type", "gp2")).lower() != "gp2":
            continue
        saving = total(ctx.reprice(c, [("gp2", "gp3")]) for c in components_with(item.cost, volumeApiName="gp2"))
        yield ctx.hit(item, f"{item.address} is a gp2 volume; gp3 gives the same baseline for less", saving)


RULE = Rule(
    code="CG101",
    name="gp2-volume",
    title="EBS volume on gp2",
    severity=Severity.WARN,
    params=NoParams,
    check=check,
    status=Status.STABLE,
    doc=__doc__ or "",
)
