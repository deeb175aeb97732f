"""google_storage_bucket: a Cloud Storage bucket.

Prices:
    Storage: per GB-month by storage class (STANDARD, NEARLINE, COLDLINE, ARCHIVE) and location
    type (region, dual-region, multi-region) (usage).
    Class A and class B operations: per 10,000 (usage).
    Data retrieval: per GB read from Nearline, Coldline and Archive (usage).
    Data transfer: premium-tier internet egress by destination (usage), one line per volume tier
    reached.
Usage keys:
    storage_gb: GB stored on average.
    monthly_class_a_operations, monthly_class_b_operations: operations a month.
    monthly_data_retrieval_gb: GB retrieved from a cold class a month.
    monthly_egress_data_transfer_gb: GB sent to the internet a month, by destination
    (worldwide, china, australia).
Not priced / assumptions:
    Legacy classes MULTI_REGIONAL and REGIONAL are priced as STANDARD. Without `location` the
    bucket is in the US multi-region (the provider's default). Autoclass management fees,
    early-deletion charges, replication (turbo) and inter-region transfer are not priced.
    Egress is looked up at the rates of the region the reader gives the bucket (its location when
    that is a region, else the provider region).
References:
    https://cloud.google.com/storage/pricing
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.base import Pricer, PricingContext
from costgate.resources.google._gcs import GCS_USAGE, bucket_components


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    yield from bucket_components(r, ctx.usage, r.get("location"), r.get("storage_class"))


PRICER = Pricer(type="google_storage_bucket", price=_price, usage_keys=GCS_USAGE, doc=__doc__ or "")
