"""Virtual WAN meters shared by hubs, VPN, point-to-site and ExpressRoute gateways.

Azure sells Virtual WAN per hub-hour, scale unit-hour and connection unit-hour (Retail Prices
serviceName "Virtual WAN", each meter named by its skuName and meterName), in the hub's region.
"""

from __future__ import annotations

from decimal import Decimal

from costgate.model import HOURS_PER_MONTH, CostComponent, PriceQuery, Resource
from costgate.resources.azure._common import azure_query
from costgate.resources.base import dec, monthly


def vwan_query(r: Resource, sku: str, meter: str | None = None, *, unit: str = "1 Hour") -> PriceQuery:
    """A Virtual WAN meter by skuName and meterName (meterName defaults to the skuName)."""
    attrs = {"skuName": sku, "meterName": meter or sku, "type": "Consumption"}
    return azure_query(r, "Virtual WAN", attrs, family="Networking", unit=unit)


def scale_units(r: Resource, name: str, sku: str, units: object) -> CostComponent:
    """`units` scale units a month, each billed by the hour."""
    count = dec(units, Decimal(1)) or Decimal(1)
    return monthly(name, "scale units", count, vwan_query(r, sku), unit_multiplier=HOURS_PER_MONTH)
