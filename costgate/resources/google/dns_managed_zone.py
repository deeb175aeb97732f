"""google_dns_managed_zone: a Cloud DNS managed zone (public or private).

Prices:
    Managed zone: per zone-month (the catalog's tiers: first 25 zones, then lower rates).
Usage keys:
    None.
Not priced / assumptions:
    Zone tiers count across a project; each zone is priced at the first tier's rate. Queries
    are priced on google_dns_record_set.
References:
    https://cloud.google.com/dns/pricing
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.base import Pricer, PricingContext, monthly
from costgate.resources.google._common import GLOBAL, gcp_query


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    yield monthly(
        "Managed zone",
        "months",
        1,
        gcp_query(r, "Cloud DNS", {"resourceGroup": "ManagedZone"}, family="Network", unit="mo", region=GLOBAL),
    )


PRICER = Pricer(type="google_dns_managed_zone", price=_price, doc=__doc__ or "")
