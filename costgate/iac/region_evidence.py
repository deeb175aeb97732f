"""Where a provider with no region in its configuration really ran: evidence and environment.

A provider block may name no region (it came from `AWS_REGION` in the job that planned) or name it
through a `local`, which the plan JSON does not evaluate. Assuming the provider's default region
then prices a Frankfurt stack at Virginia prices. Two better witnesses exist:

- the plan's own values: an AWS resource or data source that the provider has read or created
  carries ARNs (`arn:aws:ec2:us-west-1::image/ami-...`) and availability zones (`us-west-1b`) of
  the region the provider talks to; a Google resource whose region or zone the configuration
  leaves to the provider reports the provider's region or zone. Only values the configuration
  did not set itself count (an explicit `region` argument says nothing of the provider's), and
  only a unanimous answer is taken;
- the environment variables the provider itself reads when its block names no region
  (`AWS_REGION`, `AWS_DEFAULT_REGION`; `GOOGLE_REGION`, `GCLOUD_REGION`, `CLOUDSDK_COMPUTE_REGION`),
  which are set in the CI job that planned and, usually, in the one that runs costgate.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping
from typing import Any, Final

from costgate.iac.placement import google_region

__all__ = ["ENVIRONMENT_REGION_VARIABLES", "EXPLICIT_REGION_ARGUMENTS", "environment_region", "regions_in_values"]

ENVIRONMENT_REGION_VARIABLES: Final[Mapping[str, tuple[str, ...]]] = {
    # terraform-provider-aws docs, "region": also sourced from AWS_REGION, then AWS_DEFAULT_REGION
    "aws": ("AWS_REGION", "AWS_DEFAULT_REGION"),
    # terraform-provider-google docs, "region": GOOGLE_REGION, GCLOUD_REGION, CLOUDSDK_COMPUTE_REGION
    "google": ("GOOGLE_REGION", "GCLOUD_REGION", "CLOUDSDK_COMPUTE_REGION"),
}
"""The variables each provider reads, in its order, when its configuration names no region."""

EXPLICIT_REGION_ARGUMENTS: Final[Mapping[str, tuple[str, ...]]] = {
    "aws": ("region",),
    "google": ("region", "zone", "location"),
}
"""Arguments that, when the configuration sets them, make a resource's placement its own choice."""

_AWS_REGION = r"[a-z]{2}(?:-gov|-iso[a-z]?)?-[a-z]+-\d"
_AWS_ARN_RE: Final = re.compile(rf"arn:aws[a-z-]*:[a-z0-9-]+:({_AWS_REGION}):")
_AWS_ZONE_RE: Final = re.compile(rf"({_AWS_REGION})[a-z]")


def regions_in_values(provider: str, values: Mapping[str, Any]) -> Iterable[str]:
    """The regions one resource's top-level values witness for its provider (may repeat)."""
    if provider == "aws":
        for key, value in values.items():
            if not isinstance(value, str) or not value:
                continue
            if key == "region":
                yield value
            elif key == "availability_zone":
                zone = _AWS_ZONE_RE.fullmatch(value)
                if zone is not None:
                    yield zone.group(1)
            elif value.startswith("arn:"):
                arn = _AWS_ARN_RE.match(value)
                if arn is not None:
                    yield arn.group(1)
    elif provider == "google":
        for key in ("region", "zone"):
            value = values.get(key)
            if isinstance(value, str) and value:
                region = google_region(value)
                if region is not None:
                    yield region


def environment_region(provider: str, environ: Mapping[str, str] | None = None) -> tuple[str, str] | None:
    """(region, variable name) from the first provider variable set, or None."""
    env = os.environ if environ is None else environ
    for name in ENVIRONMENT_REGION_VARIABLES.get(provider, ()):
        value = env.get(name, "").strip()
        region = google_region(value) if provider == "google" and value else value
        if region:
            return region, name
    return None
