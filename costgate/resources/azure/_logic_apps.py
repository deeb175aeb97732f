"""Logic Apps connector meters shared by Consumption workflows and Standard logic apps."""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, PriceQuery, Resource
from costgate.resources.azure._common import azure_query
from costgate.resources.base import Usage, UsageKey, usage_component

CONNECTOR_USAGE = (
    UsageKey("monthly_standard_connector_calls", "float", "Standard connector calls a month"),
    UsageKey("monthly_enterprise_connector_calls", "float", "Enterprise connector calls a month"),
)


def query(r: Resource, sku: str, meter: str, unit: str, region: str | None = None) -> PriceQuery:
    """A "Logic Apps" product meter."""
    return azure_query(
        r,
        "Logic Apps",
        {"productName": "Logic Apps", "skuName": sku, "meterName": meter, "unitOfMeasure": unit},
        family="Integration",
        unit=unit,
        region=region,
    )


def connectors(r: Resource, usage: Usage, region: str | None = None) -> Iterator[CostComponent]:
    """Standard and enterprise connector calls (usage), per call."""
    yield usage_component(
        "Standard connectors",
        "calls",
        usage,
        "monthly_standard_connector_calls",
        query(r, "Consumption", "Consumption Standard Connector Actions", "1", region),
    )
    yield usage_component(
        "Enterprise connectors",
        "calls",
        usage,
        "monthly_enterprise_connector_calls",
        query(r, "Consumption", "Consumption Enterprise Connector Actions", "1", region),
    )
