"""Cloud Storage buckets (and the buckets behind Container Registry): storage by class and
location type, operations, retrieval, egress."""

from __future__ import annotations

import re
from collections.abc import Iterator

from costgate.model import CostComponent, PriceQuery, Resource
from costgate.resources.base import Usage, UsageKey, usage_component
from costgate.resources.google._network import EGRESS_USAGE, egress_components

MULTI_REGIONS = frozenset({"us", "eu", "asia"})
REGION_RE = re.compile(r"^[a-z]+-[a-z]+\d+$")
LEGACY = {
    "MULTI_REGIONAL": "STANDARD",
    "REGIONAL": "STANDARD",
    "DURABLE_REDUCED_AVAILABILITY": "DURABLE_REDUCED_AVAILABILITY",
}
RETRIEVAL_CLASSES = frozenset({"NEARLINE", "COLDLINE", "ARCHIVE"})

GCS_USAGE = (
    UsageKey("storage_gb", "float", "GB stored on average over the month"),
    UsageKey("monthly_class_a_operations", "float", "Class A operations a month (writes, lists)"),
    UsageKey("monthly_class_b_operations", "float", "Class B operations a month (reads, metadata)"),
    UsageKey("monthly_data_retrieval_gb", "float", "GB read back from Nearline, Coldline or Archive storage a month"),
    EGRESS_USAGE,
)


def location_of(location: str | None) -> tuple[str, str]:
    """(catalog region, locationType) of a bucket location: a region, a multi-region (US, EU,
    ASIA) or a dual-region (NAM4, EUR4, ASIA1, or a custom pair, priced by its name)."""
    loc = (location or "US").lower()
    if REGION_RE.match(loc):
        return loc, "region"
    return loc, "multi-region" if loc in MULTI_REGIONS else "dual-region"


def bucket_components(
    r: Resource, usage: Usage, location: str | None, storage_class: str | None
) -> Iterator[CostComponent]:
    """Storage, class A/B operations, retrieval (cold classes) and internet egress of a bucket."""
    region, kind = location_of(location)
    cls = str(storage_class or "STANDARD").upper()
    cls = LEGACY.get(cls, cls)

    def q(attrs: dict[str, str], unit: str) -> PriceQuery:
        return PriceQuery.of(
            "google", "Cloud Storage", "Storage", region, {**attrs, "usageType": "OnDemand"}, unit=unit
        )

    yield usage_component(
        f"Storage ({cls.lower()})",
        "GB",
        usage,
        "storage_gb",
        q({"locationType": kind, "resourceGroup": "Storage", "storageClass": cls}, "GiBy.mo"),
    )
    yield usage_component(
        "Object adds, bucket/object list (class A)",
        "10k operations",
        usage,
        "monthly_class_a_operations",
        q({"resourceGroup": "ClassAOperations", "storageClass": cls}, "count"),
        per=10_000,
    )
    yield usage_component(
        "Object gets, retrieve bucket/object metadata (class B)",
        "10k operations",
        usage,
        "monthly_class_b_operations",
        q({"resourceGroup": "ClassBOperations", "storageClass": cls}, "count"),
        per=10_000,
    )
    if cls in RETRIEVAL_CLASSES:
        yield usage_component(
            "Data retrieval",
            "GB",
            usage,
            "monthly_data_retrieval_gb",
            q({"locationType": kind, "resourceGroup": "DataRetrieval", "storageClass": cls}, "GiBy"),
        )
    if usage.raw("monthly_egress_data_transfer_gb.same_continent") is not None:
        yield usage_component(
            "Data transfer in same continent",
            "GB",
            usage,
            "monthly_egress_data_transfer_gb.same_continent",
            q({"resourceGroup": "InterRegionEgress", "route": "same continent"}, "GiBy"),
        )
    yield from egress_components(r, usage, "Data transfer")
