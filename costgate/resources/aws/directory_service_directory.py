"""aws_directory_service_directory: a Simple AD, AD Connector or AWS Managed Microsoft AD directory.

Prices:
    Directory service: the two domain controllers every directory runs (more when
    desired_number_of_domain_controllers says so), per controller-hour.
    Additional domain controllers: per controller-hour (usage).
    Directory sharing: per shared account-hour, Microsoft AD only (usage).
Usage keys:
    additional_domain_controllers: domain controllers beyond the ones the configuration declares.
    shared_accounts: accounts or VPCs the Microsoft AD directory is shared with.
Not priced / assumptions:
    Size defaults to Small (Simple AD, AD Connector) and edition to Enterprise (Microsoft AD),
    the values AWS applies when none is given. Data transfer is billed separately.
References:
    https://aws.amazon.com/directoryservice/pricing/
    https://aws.amazon.com/directoryservice/other-directories-pricing/
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from costgate.model import HOURS_PER_MONTH, CostComponent, PriceQuery, Resource
from costgate.resources.aws._common import aws_query
from costgate.resources.base import Pricer, PricingContext, UsageKey, monthly, number

USAGE = (
    UsageKey("additional_domain_controllers", "int", "Domain controllers beyond the configured ones"),
    UsageKey("shared_accounts", "int", "Accounts or VPCs a Microsoft AD directory is shared with"),
)
TYPES = {"SimpleAD": "Simple AD", "ADConnector": "AD Connector", "MicrosoftAD": "Microsoft AD"}
TWO = Decimal(2)
FAMILY = "AWS Directory Service"


def _query(r: Resource, directory_type: str, size: str) -> PriceQuery:
    return aws_query(
        r, "AWSDirectoryService", FAMILY, {"directoryType": directory_type, "directorySize": size}, unit="Hrs"
    )


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    kind = TYPES.get(str(r.get("type", "SimpleAD")), "Simple AD")
    microsoft = kind == "Microsoft AD"
    size = str(r.get("edition", "Enterprise")) if microsoft else str(r.get("size", "Small"))
    query = _query(r, kind, size)
    controllers = max(number(r, "desired_number_of_domain_controllers", TWO) or TWO, TWO)
    yield monthly(
        f"Directory service ({kind}, {size})", "controllers", controllers, query, unit_multiplier=HOURS_PER_MONTH
    )
    extra = ctx.usage.number("additional_domain_controllers")
    if extra is not None:
        yield monthly(
            "Additional domain controllers",
            "controllers",
            extra,
            query,
            usage_based=True,
            unit_multiplier=HOURS_PER_MONTH,
        )
    if microsoft:
        yield monthly(
            "Directory sharing",
            "accounts",
            ctx.usage.number("shared_accounts"),
            _query(r, "Shared Microsoft AD", size),
            usage_based=True,
            unit_multiplier=HOURS_PER_MONTH,
        )


PRICER = Pricer(type="aws_directory_service_directory", price=_price, usage_keys=USAGE, doc=__doc__ or "")
