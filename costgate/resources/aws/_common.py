"""Helpers shared by AWS pricers: region, queries in the AWS product schema, usage types."""

from __future__ import annotations

from collections.abc import Mapping

from costgate.model import PriceQuery, Resource
from costgate.pricing.aws_regions import usage_type

DEFAULT_REGION = "us-east-1"


def region_of(resource: Resource) -> str:
    """The resource's AWS region (the reader always resolves one; default us-east-1)."""
    return resource.region or DEFAULT_REGION


def aws_query(
    resource: Resource,
    service: str,
    family: str | None,
    attributes: Mapping[str, str] | None = None,
    *,
    unit: str | None = None,
    purchase_option: str = "on_demand",
    term: Mapping[str, str] | None = None,
    region: str | None = None,
) -> PriceQuery:
    """A catalog query for an AWS product in the resource's region."""
    return PriceQuery.of(
        "aws",
        service,
        family,
        region or region_of(resource),
        attributes,
        purchase_option=purchase_option,
        unit=unit,
        term=term,
    )


def ut(resource: Resource, suffix: str) -> str:
    """The region-prefixed usagetype for `suffix` in the resource's region."""
    return usage_type(region_of(resource), suffix)
