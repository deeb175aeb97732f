"""aws_eip: an Elastic IP address.

Prices:
    IP address (if unused): per hour while the address is not associated with anything.
Usage keys:
    none.
Not priced / assumptions:
    An address is in use when it names an instance or network interface, or when an
    aws_eip_association, aws_nat_gateway or aws_lb subnet mapping in the plan references it.
    Since February 2024 AWS also bills in-use public IPv4 addresses ($0.005/h, AmazonVPC
    PublicIPv4:InUseAddress); the catalog has no such product yet, so in-use addresses are not priced.
References:
    https://aws.amazon.com/vpc/pricing/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.aws._common import aws_query, ut
from costgate.resources.base import Pricer, PricingContext, hourly

USERS = {"aws_eip_association": "allocation_id", "aws_nat_gateway": "allocation_id", "aws_lb": "subnet_mapping.allocation_id",
         "aws_alb": "subnet_mapping.allocation_id"}
"""Types that attach an address, and the attribute that references it."""


def _in_use(r: Resource, ctx: PricingContext) -> bool:
    if r.get("instance") or r.get("network_interface") or {"instance", "network_interface"} & set(r.refs):
        return True
    bare = r.address.removeprefix(f"{r.module}.") if r.module else r.address
    for other in ctx.resources.values():
        attribute = USERS.get(other.type)
        if attribute and other.module == r.module and bare in other.refs.get(attribute, ()):
            return True
    return False


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    if not _in_use(r, ctx):
        yield hourly("IP address (if unused)", aws_query(
            r, "AmazonEC2", "IP Address", {"group": "ElasticIP:Address", "usagetype": ut(r, "ElasticIP:IdleAddress")}, unit="Hrs"))


PRICER = Pricer(type="aws_eip", price=_price, doc=__doc__ or "")
