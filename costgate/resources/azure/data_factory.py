"""azurerm_data_factory: an Azure Data Factory (v2).

Prices:
    Data Factory operations per 50,000 entities (usage): read/write (create, read, update,
    delete of pipelines, datasets, linked services, triggers) and monitoring (run records).
Usage keys:
    monthly_read_write_operation_entities: entities read or written a month.
    monthly_monitoring_operation_entities: run records retrieved a month.
Not priced / assumptions:
    Pipeline orchestration, data movement and data flows bill on the integration runtime that
    runs them (azurerm_data_factory_integration_runtime_*). The first 1 million operations of
    some kinds are included by Azure and not subtracted.
References:
    https://azure.microsoft.com/pricing/details/data-factory/data-pipeline/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.azure._common import azure_query
from costgate.resources.base import Pricer, PricingContext, UsageKey, monthly

USAGE = (
    UsageKey("monthly_read_write_operation_entities", "float", "Entities read or written a month"),
    UsageKey("monthly_monitoring_operation_entities", "float", "Run records retrieved a month"),
)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    for name, key, meter in (
        ("Read/write operations", "monthly_read_write_operation_entities", "Cloud Read Write Operations"),
        ("Monitoring operations", "monthly_monitoring_operation_entities", "Cloud Monitoring Operations"),
    ):
        entities = ctx.usage.number(key)
        q = azure_query(
            r,
            "Azure Data Factory v2",
            {"productName": "Azure Data Factory v2", "skuName": "Cloud", "meterName": meter, "unitOfMeasure": "50K"},
            family="Analytics",
            unit="50K",
        )
        yield monthly(name, "50K entities", None if entities is None else entities / 50_000, q, usage_based=True)


PRICER = Pricer(type="azurerm_data_factory", price=_price, usage_keys=USAGE, doc=__doc__ or "")
