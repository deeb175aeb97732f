"""azurerm_public_ip_prefix: a reserved range of public IP addresses.

Prices:
    IP prefix: per IP address and hour, for the 2^(32 - prefix_length) addresses of the range
    (`prefix_length` default 28: 16 addresses).
Usage keys:
    (none)
Not priced / assumptions:
    Addresses taken from the prefix (azurerm_public_ip with `public_ip_prefix_id`) are billed
    again as public IPs by Azure; they are priced there. IPv6 prefixes (`ip_version`) are priced
    per address like IPv4 ones, which overstates them: an IPv6 /124 has 16 addresses.
    The meter is looked up by product (Retail Prices productName "Public IP Prefix").
References:
    https://azure.microsoft.com/pricing/details/ip-addresses/
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from costgate.model import CostComponent, Resource
from costgate.resources.azure._common import azure_query, consumption
from costgate.resources.base import Pricer, PricingContext, dec, hourly

DEFAULT_PREFIX_LENGTH = 28


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    length = dec(r.get("prefix_length"), Decimal(DEFAULT_PREFIX_LENGTH)) or Decimal(DEFAULT_PREFIX_LENGTH)
    bits = (128 if str(r.get("ip_version") or "").lower() == "ipv6" else 32) - int(length)
    addresses = Decimal(2) ** max(0, bits)
    query = azure_query(
        r,
        "Virtual Network",
        consumption({"productName": "Public IP Prefix"}, "1 Hour"),
        family="Networking",
        unit="1 Hour",
    )
    yield hourly("IP prefix", query, count=addresses)


PRICER = Pricer(type="azurerm_public_ip_prefix", price=_price, doc=__doc__ or "")
