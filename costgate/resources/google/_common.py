"""Helpers shared by Google Cloud pricers: the resource's region and queries in GCP's schema.

The catalog stores Google SKUs by service display name (`Compute Engine`, `Cloud SQL`, ...),
region and attributes such as resourceGroup, usageType and machine family. Readers already
reduce a zone to its region (`us-central1-a` -> `us-central1`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from costgate.model import PriceQuery, Resource
from costgate.resources.base import Usage

DEFAULT_REGION = "us-central1"
GLOBAL = "global"
"""The region Google files SKUs sold at one price everywhere under (the Billing Catalog's
serviceRegions ["global"]): Pub/Sub, Cloud DNS, Cloud Logging, the GKE cluster fee, Cloud SQL's
idle IP address. Their queries name this region whatever the resource's own region."""
ZONE_RE = re.compile(r"^[a-z]+-[a-z]+\d+-[a-z]$")


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
        "google",
        service,
        family,
        region or region_of(resource),
        attributes,
        purchase_option=purchase_option,
        unit=unit,
    )


COMMITMENT_TERMS = {"1_year": "1yr", "3_year": "3yr", "1yr": "1yr", "3yr": "3yr"}
"""Usage spellings of a committed-use term -> the catalog's `commitment` term value."""


@dataclass(frozen=True, slots=True)
class Purchase:
    """How Compute Engine capacity is bought: on demand, spot/preemptible or committed use.

    `option` and `term` select the catalog row (purchase_option on_demand / spot / committed,
    term commitment=1yr|3yr); `usage_type` is the SKU's usageType attribute; `label` goes in
    component names.
    """

    option: str = "on_demand"
    usage_type: str = "OnDemand"
    label: str = "on-demand"
    term: Mapping[str, str] | None = None


ON_DEMAND = Purchase()


def purchase_of(scheduling: Mapping[str, Any], usage: Usage) -> Purchase:
    """Spot (provisioning_model SPOT) or preemptible VMs, else a committed-use term from the
    usage (`committed_use_term: 1_year|3_year`), else on demand."""
    model = str(scheduling.get("provisioning_model") or "").upper()
    if model == "SPOT":
        return Purchase("spot", "Preemptible", "spot")
    if scheduling.get("preemptible") is True or str(scheduling.get("preemptible")).lower() == "true":
        return Purchase("spot", "Preemptible", "preemptible")
    term = COMMITMENT_TERMS.get(usage.text("committed_use_term") or "")
    if term:
        return Purchase("committed", f"Commit{term[0]}Yr", f"{term[0]}-year commitment", {"commitment": term})
    return ON_DEMAND


def compute_query(
    resource: Resource,
    family: str,
    attributes: Mapping[str, str],
    unit: str,
    purchase: Purchase = ON_DEMAND,
) -> PriceQuery:
    """A Compute Engine SKU bought as `purchase` (its usageType is added to the attributes)."""
    return PriceQuery.of(
        "google",
        "Compute Engine",
        family,
        region_of(resource),
        {**attributes, "usageType": purchase.usage_type},
        purchase_option=purchase.option,
        unit=unit,
        term=purchase.term,
    )


def zones_of(location: str | None, node_locations: Any) -> int:
    """How many zones a GKE cluster or pool spreads nodes over: its node_locations, else 3 for a
    regional location (GKE's default) and 1 for a zonal one."""
    if isinstance(node_locations, list) and node_locations:
        return len(node_locations)
    if location and ZONE_RE.match(location):
        return 1
    return 3 if location else 1


LOCATION_NAMES = {
    "us-central1": "Iowa",
    "us-east1": "South Carolina",
    "us-east4": "Northern Virginia",
    "us-east5": "Columbus",
    "us-south1": "Dallas",
    "us-west1": "Oregon",
    "us-west2": "Los Angeles",
    "us-west3": "Salt Lake City",
    "us-west4": "Las Vegas",
    "northamerica-northeast1": "Montreal",
    "northamerica-northeast2": "Toronto",
    "southamerica-east1": "Sao Paulo",
    "southamerica-west1": "Santiago",
    "europe-west1": "Belgium",
    "europe-west2": "London",
    "europe-west3": "Frankfurt",
    "europe-west4": "Netherlands",
    "europe-west6": "Zurich",
    "europe-west8": "Milan",
    "europe-west9": "Paris",
    "europe-west10": "Berlin",
    "europe-west12": "Turin",
    "europe-north1": "Finland",
    "europe-north2": "Stockholm",
    "europe-central2": "Warsaw",
    "europe-southwest1": "Madrid",
    "asia-east1": "Taiwan",
    "asia-east2": "Hong Kong",
    "asia-northeast1": "Tokyo",
    "asia-northeast2": "Osaka",
    "asia-northeast3": "Seoul",
    "asia-south1": "Mumbai",
    "asia-south2": "Delhi",
    "asia-southeast1": "Singapore",
    "asia-southeast2": "Jakarta",
    "australia-southeast1": "Sydney",
    "australia-southeast2": "Melbourne",
    "me-west1": "Tel Aviv",
    "me-central1": "Doha",
    "me-central2": "Dammam",
    "africa-south1": "Johannesburg",
}
"""Region -> the location name Google's Billing Catalog puts in some SKU descriptions
("Standard Small Node Oregon"): the city or area of Google's region list
(https://cloud.google.com/compute/docs/regions-zones)."""


def location_name(region: str) -> str:
    """The location name of a region in SKU descriptions (the region id itself when unknown, so
    a query for it finds nothing rather than another region's price)."""
    return LOCATION_NAMES.get(region, region)
