"""CG208 eks-extended-support-version: an EKS cluster on a Kubernetes version in extended support.

What it flags:
    `aws_eks_cluster` resources the pricer bills at the extended-support rate (their version
    left standard support on AWS's published date, and `upgrade_policy` does not force
    STANDARD), and, when `oldest_standard_version` is set, any older version.
Why it costs:
    A cluster past standard support is billed the extended-support rate, six times the
    standard control-plane price per hour.
Example:
    resource "aws_eks_cluster" "main" { version = "1.27" }
Cheaper alternative:
    Upgrade to a version in standard support (or set `upgrade_policy { support_type = "STANDARD" }`
    to be upgraded automatically).
Saving estimate:
    The cluster-hours component re-priced at the standard per-cluster rate, when it was
    priced at the extended-support rate.
Parameters:
    oldest_standard_version (str, default none): also flag versions older than this one,
    ahead of AWS's dates (e.g. "1.33" to keep clusters within the two newest versions).
References:
    https://docs.aws.amazon.com/eks/latest/userguide/kubernetes-versions.html
    https://aws.amazon.com/eks/pricing/
"""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import BaseModel, ConfigDict, Field

from costgate.gate.model import Severity
from costgate.gate.rule import Hit, Rule, RuleContext, Status, components_with, total


class Params(BaseModel):
    """Parameters of CG208."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    oldest_standard_version: str | None = Field(None, pattern=r"^\d+\.\d+$")


def version_tuple(text: str) -> tuple[int, ...] | None:
    """(1, 27) for '1.27'; None when not a dotted number."""
    try:
        return tuple(int(p) for p in text.split(".")[:2])
    except ValueError:
        return None


def check(ctx: RuleContext, params: Params) -> Iterator[Hit]:
    """Flag clusters older than the oldest standard-support version."""
    oldest = version_tuple(params.oldest_standard_version) if params.oldest_standard_version else None
    for item in ctx.items("aws_eks_cluster"):
        version = item.cost.resource.get("version")
        current = version_tuple(str(version)) if version else None
        extended = components_with(item.cost, usagetype="*extendedSupport*")
        too_old = current is not None and oldest is not None and current < oldest
        if not extended and not too_old:
            continue
        saving = total(ctx.reprice(c, [("extendedSupport", "perCluster")]) for c in extended)
        yield ctx.hit(
            item, f"{item.address} runs Kubernetes {version}, in extended support (billed at the higher rate)", saving
        )


RULE = Rule(
    code="CG208",
    name="eks-extended-support-version",
    title="EKS version in extended support",
    severity=Severity.WARN,
    params=Params,
    check=check,
    status=Status.STABLE,
    doc=__doc__ or "",
)
