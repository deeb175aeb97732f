"""Transit Gateway attachment and data-processing components (VPC, peering, Direct Connect)."""

from __future__ import annotations

from costgate.model import CostComponent, Resource
from costgate.resources.aws._common import aws_query
from costgate.resources.aws._usagetype import regional_ut
from costgate.resources.base import Usage, UsageKey, hourly, usage_component

DATA_KEY = UsageKey(
    "monthly_data_processed_gb", "float", "GB processed by the transit gateway through this attachment a month"
)


def attachment(r: Resource, operation: str) -> CostComponent:
    """The attachment's hourly fee (730 h a month)."""
    return hourly(
        "Transit gateway attachment",
        aws_query(
            r,
            "AmazonVPC",
            None,
            {"usagetype": regional_ut(r, "TransitGateway-Hours"), "operation": operation},
            unit="Hrs",
        ),
    )


def data_processed(r: Resource, usage: Usage, operation: str) -> CostComponent:
    """Data processed through the attachment, per GB (usage: monthly_data_processed_gb)."""
    return usage_component(
        "Data processed",
        "GB",
        usage,
        DATA_KEY.name,
        aws_query(
            r,
            "AmazonVPC",
            None,
            {"usagetype": regional_ut(r, "TransitGateway-Bytes"), "operation": operation},
            unit="GB",
        ),
    )
