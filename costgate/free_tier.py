"""`--free-tier`: subtract AWS's always-free monthly allowances from an estimate.

Free tiers are per account and per month, not per resource, so they are applied once over
the whole estimate after pricing: each allowance is consumed by matching components in
address order, and a component's bill becomes the price of its units beyond the free ones
(AWS counts the free units first). Only the *always free* offers are
listed; 12-month trials (S3 5 GB, EC2 750 hours, RDS 750 hours) are left out because a pull
request gate cannot know an account's age. Source: https://aws.amazon.com/free/ (always free).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal

from costgate.estimate import Estimate, PricedComponent
from costgate.pricing.aws_regions import USAGE_TYPE_PREFIX
from costgate.pricing.lookup import tiered_cost

_PREFIXES = {p for p in USAGE_TYPE_PREFIX.values() if p}


@dataclass(frozen=True)
class Allowance:
    """An always-free monthly allowance, in catalog units, for components matching it."""

    name: str
    service: str
    usagetypes: frozenset[str]  # usagetype without its region prefix
    quantity: Decimal


ALLOWANCES: tuple[Allowance, ...] = (
    Allowance("Lambda requests", "AWSLambda", frozenset({"Request", "Request-ARM"}), Decimal(1_000_000)),
    Allowance("Lambda compute", "AWSLambda", frozenset({"Lambda-GB-Second", "Lambda-GB-Second-ARM"}), Decimal(400_000)),
    Allowance("DynamoDB storage", "AmazonDynamoDB", frozenset({"TimedStorage-ByteHrs"}), Decimal(25)),
    Allowance("DynamoDB write capacity", "AmazonDynamoDB", frozenset({"WriteCapacityUnit-Hrs"}), Decimal(25 * 730)),
    Allowance("DynamoDB read capacity", "AmazonDynamoDB", frozenset({"ReadCapacityUnit-Hrs"}), Decimal(25 * 730)),
    Allowance("SQS requests", "AWSQueueService", frozenset({"Requests-RBP", "Requests-FIFO-RBP"}), Decimal(1_000_000)),
    Allowance("KMS requests", "awskms", frozenset({"KMS-Requests"}), Decimal(20_000)),
    Allowance("CloudWatch metrics", "AmazonCloudWatch", frozenset({"CW:MetricMonitorUsage"}), Decimal(10)),
    Allowance("CloudWatch Logs ingestion", "AmazonCloudWatch", frozenset({"DataProcessing-Bytes"}), Decimal(5)),
    Allowance("CloudFront data out", "AmazonCloudFront", frozenset({"DataTransfer-Out-Bytes"}), Decimal(1024)),
    Allowance(
        "CloudFront requests",
        "AmazonCloudFront",
        frozenset({"Requests-Tier1", "Requests-Tier2-HTTPS"}),
        Decimal(10_000_000),
    ),
)


def _bare(usagetype: str) -> str:
    prefix, sep, rest = usagetype.partition("-")
    return rest if sep and prefix in _PREFIXES else usagetype


def _allowance_of(component: PricedComponent) -> Allowance | None:
    q = component.query
    if q is None or q.provider != "aws":
        return None
    usagetype = next((v for k, v in q.attributes if k.lower() == "usagetype"), None)
    if usagetype is None:
        return None
    bare = _bare(usagetype)
    return next((a for a in ALLOWANCES if a.service == q.service and bare in a.usagetypes), None)


def apply_free_tier(estimate: Estimate) -> tuple[Estimate, dict[str, Decimal]]:
    """The estimate with always-free allowances subtracted, and what each allowance covered."""
    remaining = {a.name: a.quantity for a in ALLOWANCES}
    used: dict[str, Decimal] = {}
    projects = []
    for project in estimate.projects:
        resources = []
        for rc in sorted(project.resources, key=lambda r: r.address):
            comps = []
            for c in rc.components:
                allowance = _allowance_of(c)
                if allowance is None or c.price is None or c.monthly_quantity is None or not remaining[allowance.name]:
                    comps.append(c)
                    continue
                comps.append(_subtract(c, allowance, remaining, used))
            resources.append(replace(rc, components=tuple(comps)))
        order = {r.address: i for i, r in enumerate(project.resources)}
        resources.sort(key=lambda r: order[r.address])
        projects.append(replace(project, resources=tuple(resources)))
    return replace(estimate, projects=tuple(projects), free_tier=used), used


def _subtract(
    c: PricedComponent, allowance: Allowance, remaining: dict[str, Decimal], used: dict[str, Decimal]
) -> PricedComponent:
    assert c.price is not None and c.monthly_quantity is not None and c.monthly_cost is not None
    units = c.monthly_quantity * c.unit_multiplier  # catalog units
    free = min(units, remaining[allowance.name])
    remaining[allowance.name] -= free
    used[allowance.name] = used.get(allowance.name, Decimal(0)) + free
    saved = (tiered_cost(units, c.price.tiers) - tiered_cost(units - free, c.price.tiers)) * c.price_factor
    return replace(c, monthly_cost=c.monthly_cost - saved, free_tier_quantity=free / c.unit_multiplier)
