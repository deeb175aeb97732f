"""Region names as `--region` takes them: which cloud each belongs to, and a resource moved there.

Why mostly by pattern and not by catalog: a region the shipped catalog lacks is still a region
(its prices can be fetched with `--fetch-prices missing`), and AWS (`eu-central-1`) and Google
(`europe-west1`) spell regions in shapes of their own. Azure's (`westeurope`) are plain words,
so a bare word counts as an Azure region only when the catalog knows it; a `provider:` prefix
(`azure:newregion`) settles any doubt.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, replace
from typing import Final

from costgate.errors import UsageError
from costgate.model import Resource
from costgate.pipeline import Rewrite
from costgate.pricing.aws_regions import AWS_LOCATIONS

PROVIDER_LABELS: Final[dict[str, str]] = {"aws": "AWS", "azure": "Azure", "google": "Google Cloud"}
"""How outputs name each cloud whose resources can move region."""

_AWS: Final = re.compile(
    r"^[a-z]{2}(?:-gov|-iso[a-z]?)?-(?:central|north|south|east|west|northeast|northwest|southeast|southwest)-\d+$"
)
_GOOGLE: Final = re.compile(r"^[a-z]+-[a-z]+\d+$")
_AZURE: Final = re.compile(r"^[a-z]+[a-z0-9]*$")
_NOT_REGIONS: Final = frozenset({"global", "us", "eu", "asia", "any"})


@dataclass(frozen=True, slots=True)
class TargetRegion:
    """A region to price the plan in, with the cloud it belongs to."""

    provider: str
    region: str

    @property
    def label(self) -> str:
        """The region as outputs show it (the cloud's own spelling)."""
        return self.region


def provider_of(region: str, azure_regions: Collection[str] = ()) -> str | None:
    """The cloud whose region names look like `region` ('eu-central-1' -> aws), or None;
    a plain word is Azure's when it is in `azure_regions` (the catalog's)."""
    if region in _NOT_REGIONS:
        return None
    if region in AWS_LOCATIONS or _AWS.match(region):
        return "aws"
    if _GOOGLE.match(region):
        return "google"
    if _AZURE.match(region) and region in azure_regions:
        return "azure"
    return None


def parse_regions(text: str, azure_regions: Collection[str] = ()) -> list[TargetRegion]:
    """`eu-central-1,westeurope,google:europe-west1` as target regions, each once, in order.

    `azure_regions` are the Azure locations the catalog knows. Raises UsageError naming the
    value when a name fits no cloud's pattern.
    """
    out: list[TargetRegion] = []
    for raw in text.split(","):
        name = raw.strip()
        if not name:
            continue
        given, sep, rest = name.partition(":")
        if sep:
            provider = {"azurerm": "azure", "gcp": "google"}.get(given.strip().lower(), given.strip().lower())
            region = _spelled(provider, rest.strip())
            if provider not in PROVIDER_LABELS or not region:
                raise UsageError(f"--region: {name!r} is not PROVIDER:REGION with a provider of aws, azure or google")
        else:
            region = name.lower()
            found = provider_of(region, azure_regions) or provider_of(_spelled("azure", name), azure_regions)
            if found is None:
                raise UsageError(
                    f"--region: {name!r} is not a region name of AWS (eu-central-1), Azure (westeurope) or "
                    "Google Cloud (europe-west1) that costgate knows; prefix it with its provider "
                    "(azure:NAME) if it is one"
                )
            provider, region = found, _spelled(found, name)
        target = TargetRegion(provider, region)
        if target not in out:
            out.append(target)
    if not out:
        raise UsageError("--region: give at least one region (e.g. eu-central-1,eu-west-1,us-east-1)")
    return out


def _spelled(provider: str, name: str) -> str:
    """The cloud's canonical spelling ('West Europe' -> westeurope for Azure)."""
    if provider == "azure":
        return name.replace(" ", "").replace("-", "").lower()
    return name.lower()


def mover(target: TargetRegion) -> Rewrite:
    """The rewrite that puts every resource of the target's cloud with a region in that region
    (both sides of the change); other clouds' resources and region-less ones are left as read."""

    def move(resource: Resource) -> Resource:
        if resource.provider != target.provider or resource.region is None:
            return resource
        return replace(resource, region=target.region, before_region=None)

    return move
