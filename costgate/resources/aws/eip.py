"""aws_eip: an Elastic IP address.

Prices:
    Public IPv4 address (in use): per hour, for an address attached to an instance, a network
    interface, a NAT gateway, a load balancer subnet mapping or an aws_eip_association (AWS has
    billed in-use public IPv4 addresses since 1 February 2024; AmazonVPC, usagetype
    `<prefix>-PublicIPv4:InUseAddress`).
    IP address (if unused): per hour while the address is attached to nothing (AmazonVPC
    `<prefix>-PublicIPv4:IdleAddress`, the same hourly rate as an in-use address; the pre-2024
    AmazonEC2 `ElasticIP:IdleAddress` product is what older price lists call it).
Usage keys:
    none.
Not priced / assumptions:
    An address is in use when it names an instance or network interface, or when an
    aws_eip_association, aws_nat_gateway (allocation_id or secondary_allocation_ids) or aws_lb/aws_alb
    subnet mapping in the plan references it. A reference that names one instance
    (`aws_eip.nat[1].id`; in HCL mode also `[count.index]`, `[each.key]`) marks that instance;
    one whose index a plan does not record (`aws_eip.nat[count.index]` in plan mode) marks every
    instance of the block as in use; both kinds cost the same per hour, so only the label can be off. Whether an address is in use is read from a
    reverse-reference index built once per estimate (linear in the plan's size). BYOIP addresses
    (public_ipv4_pool other than amazon) are not billed by AWS: a no-charge line says so.
References:
    https://aws.amazon.com/vpc/pricing/
    https://aws.amazon.com/blogs/aws/new-aws-public-ipv4-address-charge-public-ip-insights/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.aws._public_ipv4 import idle_address, in_use_address
from costgate.resources.base import Pricer, PricingContext, no_charge

USERS = (
    ("aws_eip_association", "allocation_id"),
    ("aws_nat_gateway", "allocation_id"),
    ("aws_nat_gateway", "secondary_allocation_ids"),
    ("aws_lb", "subnet_mapping.allocation_id"),
    ("aws_alb", "subnet_mapping.allocation_id"),
)
"""Types that attach an address, and the attribute that references it."""


def _in_use(r: Resource, ctx: PricingContext) -> bool:
    if r.get("instance") or r.get("network_interface") or {"instance", "network_interface"} & set(r.refs):
        return True
    return any(ctx.referenced_by(r, rtype, attribute) for rtype, attribute in USERS)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    pool = r.get("public_ipv4_pool")
    if isinstance(pool, str) and pool and pool != "amazon":  # bring-your-own addresses: no AWS IPv4 charge
        yield no_charge(r, "IP address", "a bring-your-own (BYOIP) address: AWS has no public IPv4 charge for it")
        return
    yield in_use_address(r) if _in_use(r, ctx) else idle_address(r)


PRICER = Pricer(type="aws_eip", price=_price, doc=__doc__ or "")
