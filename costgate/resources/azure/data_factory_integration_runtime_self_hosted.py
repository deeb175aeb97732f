"""azurerm_data_factory_integration_runtime_self_hosted: a self-hosted Data Factory integration runtime.

Prices:
    Activity runs per 1,000, data movement, pipeline and external activity hours (usage), at
    the self-hosted meters.
Usage keys:
    monthly_orchestration_runs, monthly_data_movement_hours, monthly_pipeline_activity_hours,
    monthly_external_pipeline_activity_hours.
Not priced / assumptions:
    The machines that host the runtime are yours (VMs priced as VMs). An idle runtime costs
    nothing; the reference estimator prices the activity meters for all 730 hours.
References:
    https://azure.microsoft.com/pricing/details/data-factory/data-pipeline/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.azure import _data_factory
from costgate.resources.base import Pricer, PricingContext


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    yield from _data_factory.activities(r, ctx, "Self Hosted")


PRICER = Pricer(
    type="azurerm_data_factory_integration_runtime_self_hosted",
    price=_price,
    usage_keys=_data_factory.ACTIVITY_USAGE,
    doc=__doc__ or "",
)
