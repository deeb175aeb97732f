"""aws_vpc_endpoint: a VPC endpoint (Interface, Gateway Load Balancer or Gateway).

Prices:
    Endpoint (Interface): per hour per endpoint network interface, one per subnet (730 h each).
    Endpoint (GatewayLoadBalancer): per hour (730 h).
    Data processed: per GB through the endpoint, tiered (usage: monthly_data_processed_gb).
Usage keys:
    monthly_data_processed_gb: GB processed a month.
Not priced / assumptions:
    Gateway endpoints (S3, DynamoDB; the provider's default type) are free: nothing is yielded.
    An interface endpoint counts one network interface per subnet_ids entry; when the ids are unknown
    until apply, one per subnet the configuration references; with none, one.
    Resource and ServiceNetwork endpoints are not priced yet (nothing yielded).
References:
    https://aws.amazon.com/privatelink/pricing/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.aws._common import aws_query, ut
from costgate.resources.base import Pricer, PricingContext, UsageKey, hourly, no_charge, usage_component

USAGE = (UsageKey("monthly_data_processed_gb", "float", "GB processed by the endpoint a month"),)

# endpoint type -> (component name, hours usagetype, bytes usagetype)
_TYPES = {
    "interface": ("Endpoint (Interface)", "VpcEndpoint-Hours", "VpcEndpoint-Bytes"),
    "gatewayloadbalancer": ("Endpoint (GatewayLoadBalancer)", "VpcEndpoint-GWLBE-Hours", "VpcEndpoint-GWLBE-Bytes"),
}


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    kind = str(r.get("vpc_endpoint_type", "Gateway")).lower()
    if kind == "gateway":
        yield no_charge(
            r, "Endpoint (Gateway)", "gateway endpoints (S3, DynamoDB) have no hourly or data processing charge"
        )
        return
    if kind not in _TYPES:
        return
    name, hours, data = _TYPES[kind]
    subnets = r.refs.get("subnet_ids", ()) if r.is_unknown("subnet_ids") else r.get("subnet_ids") or []
    count = len(subnets) if kind == "interface" and subnets else 1
    yield hourly(name, aws_query(r, "AmazonVPC", "VpcEndpoint", {"usagetype": ut(r, hours)}, unit="Hrs"), count=count)
    yield usage_component(
        "Data processed",
        "GB",
        ctx.usage,
        "monthly_data_processed_gb",
        aws_query(r, "AmazonVPC", "VpcEndpoint", {"usagetype": ut(r, data)}, unit="GB"),
    )


PRICER = Pricer(type="aws_vpc_endpoint", price=_price, usage_keys=USAGE, doc=__doc__ or "")
