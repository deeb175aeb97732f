"""aws_networkfirewall_firewall: an AWS Network Firewall firewall.

Prices:
    Firewall endpoints: per endpoint-hour, one endpoint per subnet_mapping (one per Availability
    Zone) x 730 h a month.
    Data processed: per GB through the firewall (usage: monthly_data_processed_gb).
Usage keys:
    monthly_data_processed_gb: GB processed by the firewall a month.
Not priced / assumptions:
    The reference estimator prices one endpoint whatever the subnet mappings; AWS bills every
    endpoint, so costgate counts them. Each endpoint hour includes NAT gateway hours and data
    processing at no charge; costgate does not offset a NAT gateway priced elsewhere. Advanced
    inspection (TLS) and secondary endpoints are not priced.
References:
    https://aws.amazon.com/network-firewall/pricing/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.aws._common import aws_query
from costgate.resources.aws._usagetype import regional_ut
from costgate.resources.base import Pricer, PricingContext, UsageKey, hourly, usage_component

USAGE = (UsageKey("monthly_data_processed_gb", "float", "GB processed by the firewall a month"),)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    endpoints = max(len(r.blocks("subnet_mapping")), 1)
    yield hourly(
        "Firewall endpoints",
        aws_query(r, "AWSNetworkFirewall", "AWS Firewall", {"usagetype": regional_ut(r, "Endpoint-Hour")}, unit="Hrs"),
        count=endpoints,
    )
    yield usage_component(
        "Data processed",
        "GB",
        ctx.usage,
        "monthly_data_processed_gb",
        aws_query(
            r, "AWSNetworkFirewall", "AWS Firewall", {"usagetype": regional_ut(r, "Traffic-GB-Processed")}, unit="GB"
        ),
    )


PRICER = Pricer(type="aws_networkfirewall_firewall", price=_price, usage_keys=USAGE, doc=__doc__ or "")
