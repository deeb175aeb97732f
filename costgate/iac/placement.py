"""Where a resource runs and how it is tagged: the rules plan mode and HCL mode share.

Why one module: the plan reader and the HCL reader must put a resource in the same region
and give it the same tags, or the two modes price the same configuration differently. Each
reader finds the inputs its own way (plan JSON expressions, evaluated HCL); the rules that
turn those inputs into a region and a tag map live here, once.

Region, most to least specific (`Resource.region_source` says which one won):
  "resource"  the resource's own values (AWS `region`, Azure `location`, Google region/zone/location);
              an Azure resource without one takes its resource group's location;
  "provider"  the provider configuration's `region` (Google: `region`, else `zone`), a constant;
  "variable"  the same, computed from a variable (or another expression);
  "default"   the provider's default region (providers.DEFAULT_REGIONS), or None.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, Final

import orjson

__all__ = [
    "PROVIDER_REGION_KEYS",
    "azure_location",
    "google_region",
    "merge_tags",
    "own_region",
    "provider_region",
    "resource_tags",
    "string_map",
]

PROVIDER_REGION_KEYS: Final[dict[str, tuple[str, ...]]] = {
    "aws": ("region",),
    "google": ("region", "zone"),
}
"""Arguments of a provider block that name its region, per short provider name, in order."""

_GOOGLE_ZONE_RE: Final = re.compile(r"^([a-z]+-[a-z]+\d+)-[a-z]$")
_GOOGLE_REGION_RE: Final = re.compile(r"^[a-z]+-[a-z]+\d+$")


def tag_text(value: object) -> str:
    """A tag value as the string the cloud stores (Terraform writes booleans in lower case)."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    return orjson.dumps(value).decode()


def string_map(value: object) -> Mapping[str, str]:
    """A tags map with string values (the dict itself when it already is one); {} otherwise."""
    if not isinstance(value, dict) or not value:
        return {}
    if all(isinstance(v, str) for v in value.values()):
        return value
    return {str(k): tag_text(v) for k, v in value.items() if v is not None}


def merge_tags(base: Mapping[str, str], over: Mapping[str, str]) -> Mapping[str, str]:
    """`over` wins; avoids building a new dict when one side is empty."""
    if not base:
        return over
    if not over:
        return base
    return {**base, **over}


def google_region(value: str) -> str | None:
    """A Google region from a region, zone or URL (`.../zones/us-central1-a` -> us-central1).

    None for multi-regions (US, EU) and anything else that is not a region: those are the
    pricer's business, read from the resource's own `location`.
    """
    value = value.rsplit("/", 1)[-1].strip().lower()
    zone = _GOOGLE_ZONE_RE.match(value)
    if zone:
        return zone.group(1)
    return value if _GOOGLE_REGION_RE.match(value) else None


def azure_location(value: str) -> str:
    """Azure's canonical location name: 'East US' -> 'eastus'."""
    return value.replace(" ", "").lower()


def own_region(provider: str, values: Mapping[str, Any]) -> str | None:
    """A region the resource's own values name, normalised per cloud, or None."""
    if provider == "aws":
        region = values.get("region")
        return region if isinstance(region, str) and region else None
    if provider == "azure":
        location = values.get("location")
        return azure_location(location) if isinstance(location, str) and location else None
    if provider == "google":
        for key in ("region", "zone", "location"):
            value = values.get(key)
            if isinstance(value, str) and value:
                region = google_region(value)
                if region is not None:
                    return region
    return None


def provider_region(provider: str, text: str) -> str | None:
    """The region a provider block's region (or Google zone) argument stands for."""
    if not text:
        return None
    return google_region(text) if provider == "google" else text


def resource_tags(
    provider: str, values: Mapping[str, Any] | None, default_tags: Mapping[str, str]
) -> Mapping[str, str]:
    """Tags (Google: labels) as the cloud will see them, provider defaults included.

    AWS `tags_all` and Google `terraform_labels` already merge the provider's defaults in;
    when unknown or absent (older providers, HCL mode), the provider's `default_tags`
    (`default_labels`) go under the resource's own tags. Azure has no provider defaults.
    """
    if not values:
        return {}
    if provider == "aws":
        merged, own = values.get("tags_all"), values.get("tags")
    elif provider == "google":
        merged, own = values.get("terraform_labels"), values.get("labels")
    else:
        return string_map(values.get("tags"))
    if isinstance(merged, dict):
        return string_map(merged)
    return merge_tags(default_tags, string_map(own))
