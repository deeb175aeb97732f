"""aws_ssm_parameter: a Systems Manager Parameter Store parameter.

Prices:
    Parameter storage (advanced): per advanced parameter per hour it is stored (730 h a month
    unless usage says).
    API interactions (higher throughput): per 10k API interactions when the account uses the
    higher throughput limit (usage: api_throughput_limit, monthly_api_interactions); shown for
    advanced parameters unless usage says the limit is standard.
Usage keys:
    parameter_storage_hrs: hours a month the advanced parameter is stored (default 730).
    api_throughput_limit: the account's Parameter Store throughput setting: standard, advanced or higher.
    monthly_api_interactions: API interactions with the parameter a month.
Not priced / assumptions:
    Standard parameters are free (a no-charge line). tier = "Intelligent-Tiering" stores a
    parameter as advanced only when it needs to (a value over 4 KB, or parameter policies, which
    the provider does not set); costgate applies the size rule to the planned value. No shipped price source has the advanced-parameter
    storage price (usage type PS-Advanced-Param-Tier1): shown as not priced.
References:
    https://aws.amazon.com/systems-manager/pricing/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import HOURS_PER_MONTH, CostComponent, Resource
from costgate.resources.aws._common import aws_query
from costgate.resources.aws._usagetype import regional_ut
from costgate.resources.base import Pricer, PricingContext, UsageKey, monthly, no_charge, usage_component

USAGE = (
    UsageKey("parameter_storage_hrs", "int", "Hours a month the advanced parameter is stored (default 730)"),
    UsageKey("api_throughput_limit", "str", "Parameter Store throughput setting: standard, advanced or higher"),
    UsageKey("monthly_api_interactions", "int", "API interactions with the parameter a month"),
)
STANDARD_VALUE_LIMIT = 4096
"""Bytes a standard parameter may hold; larger values need the advanced tier."""


def _advanced(r: Resource) -> bool:
    tier = str(r.get("tier", "Standard")).lower()
    if tier == "intelligent-tiering":
        value = r.get("value") or r.get("insecure_value") or ""
        return len(str(value).encode()) > STANDARD_VALUE_LIMIT
    return tier == "advanced"


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    advanced = _advanced(r)
    if advanced:
        hours = ctx.usage.number("parameter_storage_hrs")
        q = aws_query(
            r,
            "AWSSystemsManager",
            "AWS Systems Manager",
            {"usagetype": regional_ut(r, "PS-Advanced-Param-Tier1")},
            unit="Hrs",
        )
        yield monthly(
            "Parameter storage (advanced)",
            "hours",
            HOURS_PER_MONTH if hours is None else hours,
            q,
            usage_based=hours is not None,
        )
    limit = (ctx.usage.text("api_throughput_limit") or ("advanced" if advanced else "standard")).lower()
    if not advanced and limit == "standard":
        yield no_charge(r, "Parameter storage (standard)", "standard parameters at standard throughput have no charge")
    if limit != "standard":
        q = aws_query(
            r,
            "AWSSystemsManager",
            "API Request",
            {"usagetype": regional_ut(r, "PS-Param-Processed-Tier2")},
            unit="Requests",
        )
        yield usage_component(
            "API interactions (higher throughput)",
            "10k interactions",
            ctx.usage,
            "monthly_api_interactions",
            q,
            per=10_000,
        )


PRICER = Pricer(type="aws_ssm_parameter", price=_price, usage_keys=USAGE, doc=__doc__ or "")
