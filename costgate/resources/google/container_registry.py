"""google_container_registry: Container Registry's Cloud Storage bucket (artifacts.<project>.appspot.com).

Prices:
    As a STANDARD Cloud Storage bucket in the registry's multi-region: storage, class A and B
    operations and internet egress (usage), see google_storage_bucket.
Usage keys:
    storage_gb: GB of images stored.
    monthly_class_a_operations, monthly_class_b_operations: operations a month (pushes, pulls).
    monthly_data_retrieval_gb: not used (STANDARD storage has no retrieval fee).
    monthly_egress_data_transfer_gb: GB pulled from outside Google Cloud a month, by destination
    (worldwide, china, australia).
Not priced / assumptions:
    `location` is US, EU or ASIA (default US). Container Registry is deprecated in favour of
    Artifact Registry.
References:
    https://cloud.google.com/container-registry/pricing
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.base import Pricer, PricingContext
from costgate.resources.google._gcs import GCS_USAGE, bucket_components


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    yield from bucket_components(r, ctx.usage, r.get("location") or "US", "STANDARD")


PRICER = Pricer(type="google_container_registry", price=_price, usage_keys=GCS_USAGE, doc=__doc__ or "")
