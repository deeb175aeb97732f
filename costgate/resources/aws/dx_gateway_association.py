"""aws_dx_gateway_association: a Direct Connect gateway associated with a transit or virtual private gateway.

Prices:
    Data processed: per GB through the transit gateway attachment (usage: monthly_data_processed_gb).
    Transit gateway attachment: per hour (730 h a month).
Usage keys:
    monthly_data_processed_gb: GB processed a month.
Not priced / assumptions:
    Priced as a transit gateway Direct Connect attachment in the provider's region (AWS bills the
    attachment in the transit gateway's region; costgate cannot see it when the gateway is not in
    the plan). Associations with a virtual private gateway (associated_gateway_type
    "virtualPrivateGateway", or a vgw- id) bill nothing: nothing is yielded. Direct Connect port hours and data
    transfer out are billed on the connection.
References:
    https://aws.amazon.com/transit-gateway/pricing/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.aws._transit_gateway import DATA_KEY, attachment, data_processed
from costgate.resources.base import Pricer, PricingContext, no_charge

USAGE = (DATA_KEY,)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    if r.get("associated_gateway_type") == "virtualPrivateGateway" or str(
        r.get("associated_gateway_id", "")
    ).startswith("vgw-"):
        yield no_charge(
            r,
            "Association",
            "with a virtual private gateway: no association or data processing charge (data transfer is billed on the Direct Connect connection)",
        )
        return
    yield data_processed(r, ctx.usage, "TransitGatewayDirectConnect")
    yield attachment(r, "TransitGatewayDirectConnect")


PRICER = Pricer(type="aws_dx_gateway_association", price=_price, usage_keys=USAGE, doc=__doc__ or "")
