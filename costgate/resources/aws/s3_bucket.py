"""aws_s3_bucket: an S3 bucket, billed per storage class for storage, requests and retrievals.

Prices:
    Per storage class (sub-resource path = class): storage (GB-month, tiered), PUT/COPY/POST/LIST
    and GET/other requests (per 1k), lifecycle transitions (per 1k), S3 Select data scanned and
    returned, retrievals and retrieval requests (IA and Glacier classes), Intelligent-Tiering
    monitoring (per 1k objects), early delete (GB). The line items of each class are in _s3.py.
    Object tagging: per 10k tags a month, when object_tags is given or a lifecycle rule filters on tags.
Usage keys:
    object_tags: object tags stored.
    <class>.<key>: per storage class, listed below (generated from _s3.CLASSES).
Not priced / assumptions:
    Standard is always shown; another class is shown when the usage file has its key or a lifecycle
    rule (inline lifecycle_rule, or an aws_s3_bucket_lifecycle_configuration of the bucket)
    transitions objects to it. Lifecycle transitions into Glacier are Requests-Tier3 and into Deep
    Archive Requests-GDA-Tier1 (AWS bills them as PUTs into the class). Glacier Instant Retrieval,
    Express One Zone, Reduced Redundancy, replication and data transfer are not priced. Early delete
    quantities are GB-months as the usage gives them. Glacier Flexible Retrieval select and early
    delete fees are AmazonGlacier products (Std-/Exp-/Bulk-Select-*-Bytes, EarlyDelete-ByteHrs).
    Intelligent-Tiering's early delete line has no price in the shipped catalog (AWS bills none).
References:
    https://aws.amazon.com/s3/pricing/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.aws._common import aws_query, ut
from costgate.resources.aws._s3 import CLASSES, S3
from costgate.resources.base import Pricer, PricingContext, UsageKey, usage_component

USAGE = (
    UsageKey("object_tags", "int", "Object tags stored in the bucket"),
    *(
        UsageKey(f"{cls}.{line[2]}", "float", f"{title}: {line[0]}, " + ("count a month" if line[3] > 1 else "GB"))
        for cls, (title, _, lines) in CLASSES.items()
        for line in lines
    ),
)


def _lifecycle_classes(r: Resource, ctx: PricingContext) -> tuple[set[str], bool]:
    rules = list(r.blocks("lifecycle_rule"))
    for config in ctx.referencing(r, "aws_s3_bucket_lifecycle_configuration", "bucket"):
        rules += config.blocks("rule")
    classes = {str(t.get("storage_class", "")).upper() for rule in rules for t in rule.get("transition") or []}
    tagged = any(rule.get("tags") for rule in rules)
    return classes, tagged


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    classes, tagged = _lifecycle_classes(r, ctx)
    if tagged or ctx.usage.raw("object_tags") is not None:
        yield usage_component(
            "Object tagging",
            "10k tags",
            ctx.usage,
            "object_tags",
            aws_query(r, S3, None, {"usagetype": ut(r, "TagStorage-TagHrs")}, unit="Tag-Mo"),
            per=10_000,
        )
    for key, (title, names, lines) in CLASSES.items():
        if key != "standard" and ctx.usage.raw(key) is None and not classes.intersection(names):
            continue
        for name, unit, usage_key, per, service, family, usagetype, catalog_unit in lines:
            query = aws_query(r, service, family, {"usagetype": ut(r, usagetype)}, unit=catalog_unit)
            yield usage_component(name, unit, ctx.usage, f"{key}.{usage_key}", query, per=per, path=title)


_KEYS_DOC = "".join(f"        {k.name}: {k.description}\n" for k in USAGE[1:])
DOC = (__doc__ or "").replace("(generated from _s3.CLASSES).\n", "(generated from _s3.CLASSES).\n" + _KEYS_DOC)

PRICER = Pricer(type="aws_s3_bucket", price=_price, usage_keys=USAGE, doc=DOC)
