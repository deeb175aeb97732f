"""aws_dx_connection: an AWS Direct Connect connection (port).

Prices:
    Port hours: per hour (730 h a month) by bandwidth (1Gbps, 10Gbps, 50Mbps, ...) and
    connection type (usage dx_connection_type: dedicated, the default, or hosted).
    Outbound data transfer: per GB from an AWS region to the Direct Connect location (usage:
    monthly_outbound_region_to_dx_location_gb from the connection's region, or per region under
    monthly_outbound_from_region_to_dx_connection_location), by virtual interface type (usage
    dx_virtual_interface_type: private, the default, public or transit).
Usage keys:
    monthly_outbound_region_to_dx_location_gb: GB sent from the connection's region to it a month.
    monthly_outbound_from_region_to_dx_connection_location: GB sent to it a month, per region
    (keys such as us_east_1); generated keys listed below.
    dx_virtual_interface_type: private, public or transit.
    dx_connection_type: dedicated or hosted.
Not priced / assumptions:
    The Price List also names the Direct Connect location in a port's usage type; costgate queries
    the port by region, capacity and connection type (one price at every location of a region).
    Only the 1 Gbps dedicated port in us-east-1 is in the shipped catalog; data transfer out has
    no shipped price.
References:
    https://aws.amazon.com/directconnect/pricing/
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from costgate.model import CostComponent, Resource
from costgate.pricing.aws_regions import AWS_LOCATIONS
from costgate.resources.aws._common import aws_query, region_of
from costgate.resources.base import Pricer, PricingContext, UsageKey, hourly, monthly

PER_REGION = "monthly_outbound_from_region_to_dx_connection_location"
USAGE = (
    UsageKey(
        "monthly_outbound_region_to_dx_location_gb", "float", "GB sent from the connection's region to it a month"
    ),
    UsageKey("dx_virtual_interface_type", "str", "Virtual interface type: private, public or transit", "private"),
    UsageKey("dx_connection_type", "str", "Connection type: dedicated or hosted", "dedicated"),
    *(
        UsageKey(f"{PER_REGION}.{reg.replace('-', '_')}", "float", f"GB sent from {reg} to the connection a month")
        for reg in AWS_LOCATIONS
    ),
)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    capacity = str(r.get("bandwidth", "")).replace("bps", "")
    kind = (ctx.usage.text("dx_connection_type") or "dedicated").capitalize()
    yield hourly(
        f"Port ({r.get('bandwidth', '')}, {kind.lower()})",
        aws_query(r, "AWSDirectConnect", "Direct Connect", {"capacity": capacity, "connectionType": kind}, unit="Hrs"),
    )
    vif = (ctx.usage.text("dx_virtual_interface_type") or "private").capitalize()
    flows: dict[str, Decimal | None] = {}
    for reg in AWS_LOCATIONS:
        gb = ctx.usage.number(f"{PER_REGION}.{reg.replace('-', '_')}")
        if gb is not None:
            flows[reg] = gb
    if not flows:
        flows[region_of(r)] = ctx.usage.number("monthly_outbound_region_to_dx_location_gb")
    for reg, gb in flows.items():
        yield monthly(
            f"Outbound data transfer (from {reg})",
            "GB",
            gb,
            aws_query(
                r,
                "AWSDirectConnect",
                "Data Transfer",
                {"fromLocation": AWS_LOCATIONS.get(reg, reg), "virtualInterfaceType": vif},
                unit="GB",
                region=reg,
            ),
            usage_based=True,
        )


_KEYS_DOC = "\nGenerated usage keys:\n" + "".join(f"    {k.name}: {k.description}.\n" for k in USAGE[3:])
PRICER = Pricer(type="aws_dx_connection", price=_price, usage_keys=USAGE, doc=(__doc__ or "") + _KEYS_DOC)
