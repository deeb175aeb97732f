"""aws_acm_certificate: an ACM certificate; public ones are free, private ones are billed.

Prices:
    Private certificate (certificate_authority_arn set, issued by an AWS Private CA in
    general-purpose mode): one certificate, at the first tier of the CA's per-certificate price.
Usage keys:
    None.
Not priced / assumptions:
    Public and imported certificates cost nothing: a no-charge line says so. AWS bills a private
    certificate once, when issued (and again at each renewal); like the reference estimator,
    costgate shows that one certificate in the month's cost. The price is the general-purpose
    mode's first tier (first 1,000 certificates a month, per account and region); a CA in
    short-lived certificate mode bills less, which costgate does not read from here.
References:
    https://aws.amazon.com/private-ca/pricing/
    https://aws.amazon.com/certificate-manager/pricing/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.aws._common import aws_query
from costgate.resources.aws._usagetype import regional_ut
from costgate.resources.base import Pricer, PricingContext, monthly, no_charge


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    if not r.get("certificate_authority_arn") and not r.is_unknown("certificate_authority_arn"):
        yield no_charge(
            r,
            "Certificate",
            "public ACM certificates are free; only private ones (issued by AWS Private CA) are billed",
        )
        return
    yield monthly(
        "Private certificate",
        "certificates",
        1,
        aws_query(
            r,
            "AWSCertificateManager",
            "AWS Certificate Manager",
            {"usagetype": regional_ut(r, "PrivateCertificatesIssued")},
            unit="Certificates",
        ),
    )


PRICER = Pricer(type="aws_acm_certificate", price=_price, doc=__doc__ or "")
