"""aws_acmpca_certificate_authority: an AWS Private CA certificate authority.

Prices:
    Private CA: per month; general-purpose mode (usage_mode GENERAL_PURPOSE, the default) or
    short-lived certificate mode (SHORT_LIVED_CERTIFICATE), which costs less.
    Certificates issued: per certificate (usage: monthly_requests); general-purpose tiered
    (first 1,000, next 9,000, over 10,000), short-lived flat.
Usage keys:
    monthly_requests: certificates issued by the CA a month.
Not priced / assumptions:
    The general-purpose tiers apply per account and region; costgate tiers each CA on its own.
    Only the first tier (1,000 certificates) is in the shipped catalog: more is reported as
    going past the catalog's last tier. OCSP responses are not priced. A CA is billed from
    creation until deleted, disabled or not.
References:
    https://aws.amazon.com/private-ca/pricing/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.aws._common import aws_query
from costgate.resources.aws._usagetype import regional_ut
from costgate.resources.base import Pricer, PricingContext, UsageKey, monthly, usage_component

USAGE = (UsageKey("monthly_requests", "int", "Certificates issued by the CA a month"),)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    short = str(r.get("usage_mode", "GENERAL_PURPOSE")).upper() == "SHORT_LIVED_CERTIFICATE"
    ca, certs = (
        ("ShortLivedCertificatePrivateCA", "ShortLivedCertificatesIssued")
        if short
        else ("PaidPrivateCA", "PrivateCertificatesIssued")
    )
    yield monthly(
        "Private CA" + (" (short-lived certificate mode)" if short else ""),
        "months",
        1,
        aws_query(r, "AWSCertificateManager", "AWS Certificate Manager", {"usagetype": regional_ut(r, ca)}, unit="Mo"),
    )
    yield usage_component(
        "Certificates issued",
        "certificates",
        ctx.usage,
        "monthly_requests",
        aws_query(
            r,
            "AWSCertificateManager",
            "AWS Certificate Manager",
            {"usagetype": regional_ut(r, certs)},
            unit="Certificates",
        ),
    )


PRICER = Pricer(type="aws_acmpca_certificate_authority", price=_price, usage_keys=USAGE, doc=__doc__ or "")
