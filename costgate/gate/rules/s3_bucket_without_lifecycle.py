"""CG105 s3-bucket-without-lifecycle: an S3 bucket that keeps every object in Standard forever.

What it flags:
    `aws_s3_bucket` resources with no `aws_s3_bucket_lifecycle_configuration` pointing at
    them and no inline `lifecycle_rule`.
Why it costs:
    Without lifecycle rules, logs, build artifacts and old object versions stay in S3
    Standard indefinitely; storage grows every month and nobody deletes it.
Example:
    resource "aws_s3_bucket" "logs" { bucket = "acme-logs" }
Cheaper alternative:
    An `aws_s3_bucket_lifecycle_configuration` that expires or transitions objects
    (Intelligent-Tiering, Glacier) and expires noncurrent versions.
Saving estimate:
    None: the saving depends on the data stored, which a plan does not know.
Parameters:
    None.
References:
    https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-lifecycle-mgmt.html
    https://aws.amazon.com/s3/pricing/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.gate.model import Severity
from costgate.gate.rule import Hit, NoParams, Rule, RuleContext, Status
from costgate.gate.rules._helpers import references


def check(ctx: RuleContext, params: NoParams) -> Iterator[Hit]:
    """Flag buckets no lifecycle configuration refers to."""
    for item in ctx.items("aws_s3_bucket"):
        if item.cost.resource.blocks("lifecycle_rule"):
            continue
        if references(ctx, item, ("aws_s3_bucket_lifecycle_configuration",), "bucket"):
            continue
        yield ctx.hit(item, f"{item.address} has no lifecycle rules; objects stay in S3 Standard forever")


RULE = Rule(
    code="CG105",
    name="s3-bucket-without-lifecycle",
    title="S3 bucket without lifecycle rules",
    severity=Severity.WARN,
    params=NoParams,
    check=check,
    status=Status.STABLE,
    doc=__doc__ or "",
)
