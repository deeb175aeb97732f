"""aws_transfer_server: an AWS Transfer Family server (SFTP, FTPS, FTP, AS2 endpoints).

Prices:
    Protocols: per hour each enabled protocol (protocols; default SFTP) x 730 h a month.
    Data downloaded and uploaded: per GB (usage: monthly_data_downloaded_gb,
    monthly_data_uploaded_gb).
Usage keys:
    monthly_data_downloaded_gb: GB downloaded through the server a month.
    monthly_data_uploaded_gb: GB uploaded through the server a month.
Not priced / assumptions:
    Protocol hours and data are queried for the S3 domain: AWS charges the same for EFS-backed
    servers (domain EFS). AS2 is queried like the others but price_facts has no AS2 price, and AS2
    messages, SFTP connectors and decryption are not priced.
References:
    https://aws.amazon.com/aws-transfer-family/pricing/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, PriceQuery, Resource
from costgate.resources.aws._common import aws_query
from costgate.resources.aws._usagetype import regional_ut
from costgate.resources.base import Pricer, PricingContext, UsageKey, hourly, usage_component

USAGE = (
    UsageKey("monthly_data_downloaded_gb", "float", "GB downloaded through the server a month"),
    UsageKey("monthly_data_uploaded_gb", "float", "GB uploaded through the server a month"),
)


def _q(r: Resource, suffix: str, operation: str, unit: str) -> PriceQuery:
    return aws_query(
        r,
        "AWSTransfer",
        "AWS Transfer Family",
        {"usagetype": regional_ut(r, suffix), "operation": operation},
        unit=unit,
    )


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    protocols = r.get("protocols") or ["SFTP"]
    for protocol in sorted({str(p).upper() for p in protocols}):
        yield hourly(f"{protocol} protocol", _q(r, "ProtocolHours", f"{protocol}:S3", "Hrs"))
    yield usage_component(
        "Data downloaded", "GB", ctx.usage, "monthly_data_downloaded_gb", _q(r, "DownloadBytes", "FTP:S3", "GB")
    )
    yield usage_component(
        "Data uploaded", "GB", ctx.usage, "monthly_data_uploaded_gb", _q(r, "UploadBytes", "FTP:S3", "GB")
    )


PRICER = Pricer(type="aws_transfer_server", price=_price, usage_keys=USAGE, doc=__doc__ or "")
