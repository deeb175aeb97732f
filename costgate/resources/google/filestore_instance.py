"""google_filestore_instance: a Filestore NFS instance.

Prices:
    Capacity: per GiB-month of provisioned capacity (file_shares.capacity_gb) by service tier
    (BASIC_HDD, BASIC_SSD, ZONAL, REGIONAL, ENTERPRISE, HIGH_SCALE_SSD; legacy STANDARD = BASIC_HDD,
    PREMIUM = BASIC_SSD).
Usage keys:
    None.
Not priced / assumptions:
    Backups and snapshots are not priced. The shipped catalog has no Filestore rows, so capacity
    shows as not priced until `catalog refresh`.
References:
    https://cloud.google.com/filestore/pricing
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from costgate.model import CostComponent, Resource
from costgate.resources.base import Pricer, PricingContext, dec, monthly
from costgate.resources.google._common import gcp_query

LEGACY = {"STANDARD": "BASIC_HDD", "PREMIUM": "BASIC_SSD"}


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    tier = str(r.get("tier") or "BASIC_HDD").upper()
    tier = LEGACY.get(tier, tier)
    capacity = sum((dec(s.get("capacity_gb"), Decimal(0)) or Decimal(0) for s in r.blocks("file_shares")), Decimal(0))
    q = gcp_query(
        r, "Cloud Filestore", {"resourceGroup": "FilestoreCapacity", "tier": tier}, family="Storage", unit="GiBy.mo"
    )
    yield monthly(f"Capacity ({tier.lower()})", "GB", capacity, q)


PRICER = Pricer(type="google_filestore_instance", price=_price, doc=__doc__ or "")
