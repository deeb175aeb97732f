"""google_certificate_manager_certificate: a Certificate Manager certificate.

Prices:
    Certificate: per certificate-month (managed or self-managed).
Usage keys:
    None.
Not priced / assumptions:
    The first 100 certificates of a project are free; the allowance is per project, so every
    certificate is priced. Certificate map entries and DNS authorizations are free. The shipped
    catalog has no Certificate Manager rows: not priced until `catalog refresh`.
References:
    https://cloud.google.com/certificate-manager/pricing
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.base import Pricer, PricingContext, monthly
from costgate.resources.google._common import gcp_query


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    q = gcp_query(
        r, "Certificate Manager", {"resourceGroup": "Certificate", "usageType": "OnDemand"}, family="Network", unit="mo"
    )
    yield monthly("Certificate", "months", 1, q)


PRICER = Pricer(type="google_certificate_manager_certificate", price=_price, doc=__doc__ or "")
