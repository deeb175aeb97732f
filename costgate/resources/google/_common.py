"""Helpers shared by Google Cloud pricers: the resource's region and queries in GCP's schema.

The catalog stores Google SKUs by service display name (`Compute Engine`, `Cloud SQL`, ...),
region and attributes such as resourceGroup, usageType and machine family. Readers already
reduce a zone to its region (`us-central1-a` -> `us-central1`).
"""

from __future__ import annotations

from collections.abc import Mapping

from costgate.model import PriceQuery, Resource

DEFAULT_REGION = "us-central1"


def region_of(resource: Resource) -> str:
    """The resource's Google region (readers resolve zones to regions; default us-central1)."""
    return resource.region or DEFAULT_REGION


def gcp_query(
    resource: Resource,
    service: str,
    attributes: Mapping[str, str] | None = None,
    *,
    family: str | None = None,
    unit: str | None = None,
    purchase_option: str = "on_demand",
    region: str | None = None,
) -> PriceQuery:
    """A catalog query for a Google SKU in the resource's region (or `region`, e.g. 'global')."""
    return PriceQuery.of(
        "google", service, family, region or region_of(resource), attributes,
        purchase_option=purchase_option, unit=unit,
    )
