"""azurerm_express_route_port: an ExpressRoute Direct port pair.

Prices:
    Port pair: per month by bandwidth (`bandwidth_in_gbps` 10 or 100) and billing type
    (`billing_type` MeteredData, the default, or UnlimitedData).
Usage keys:
    (none)
Not priced / assumptions:
    Meter: serviceName "ExpressRoute", skuName "ExpressRoute Direct <Metered|Unlimited> Data",
    meterName "<n> Gbps Port Pair"; the spelling is not confirmed against the price list here,
    so a miss shows as not priced. Outbound data of metered circuits is priced on
    azurerm_express_route_circuit; the colocation provider's cross-connects are not Azure's.
References:
    https://azure.microsoft.com/pricing/details/expressroute/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.azure._common import azure_query
from costgate.resources.base import Pricer, PricingContext, dec, monthly


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    gbps = dec(r.get("bandwidth_in_gbps"))
    if gbps is None:
        return
    metered = str(r.get("billing_type") or "MeteredData").lower() == "metereddata"
    plan = f"ExpressRoute Direct {'Metered' if metered else 'Unlimited'} Data"
    query = azure_query(
        r,
        "ExpressRoute",
        {"skuName": plan, "meterName": f"{gbps.normalize():f} Gbps Port Pair", "type": "Consumption"},
        family="Networking",
        unit="1/Month",
    )
    yield monthly(f"Port pair ({gbps.normalize():f} Gbps)", "months", 1, query)


PRICER = Pricer(type="azurerm_express_route_port", price=_price, doc=__doc__ or "")
