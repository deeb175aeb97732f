"""azurerm_data_factory_integration_runtime_azure_ssis: an Azure-SSIS integration runtime of Data Factory.

Prices:
    Nodes per hour while the runtime is started (number_of_nodes of node_size), by edition
    (Standard, Enterprise), with the SQL Server licence unless license_type = "BasePrice".
Usage keys:
    None.
Not priced / assumptions:
    A started runtime bills every hour; one stopped for part of the month bills less. The
    product and meter names follow the reference estimator's ("SSIS <edition>", the size as
    "D8 v3"; Azure Hybrid Benefit meters end in "AHB"); the shipped catalog has no SSIS
    prices, so the line is reported unpriced with its query. Activity runs of pipelines bill
    on the runtime that orchestrates them.
References:
    https://azure.microsoft.com/pricing/details/data-factory/ssis/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.azure import _data_factory
from costgate.resources.base import Pricer, PricingContext


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    yield from _data_factory.ssis_nodes(r, ctx)


PRICER = Pricer(type="azurerm_data_factory_integration_runtime_azure_ssis", price=_price, doc=__doc__ or "")
