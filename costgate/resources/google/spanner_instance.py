"""google_spanner_instance: a Cloud Spanner instance.

Prices:
    Compute capacity: per node-hour (1 node = 1,000 processing units) of the instance
    configuration (regional-<region>, or a multi-region config such as nam3), by edition.
    Storage: per GB-month (usage).
Usage keys:
    storage_gb: GB of data stored.
Not priced / assumptions:
    Autoscaling instances (autoscaling_config) are priced at their minimum size. The shipped
    catalog has no Cloud Spanner rows, so the components show as not priced until `catalog refresh`.
References:
    https://cloud.google.com/spanner/pricing
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from costgate.model import HOURS_PER_MONTH, CostComponent, Resource
from costgate.resources.base import Pricer, PricingContext, UsageKey, dec, monthly, usage_component
from costgate.resources.google._common import gcp_query
from costgate.resources.google._compute import first

USAGE = (UsageKey("storage_gb", "float", "GB of data stored"),)
SERVICE = "Cloud Spanner"


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    config = str(r.get("config") or "regional-us-central1").rsplit("/", 1)[-1]
    region = config.removeprefix("regional-")
    limits = first(first(r.values, "autoscaling_config"), "autoscaling_limits")
    units = (
        dec(r.get("processing_units"))
        or (dec(r.get("num_nodes")) or Decimal(0)) * 1000
        or dec(limits.get("min_processing_units"))
        or (dec(limits.get("min_nodes")) or Decimal(1)) * 1000
    )
    edition = str(r.get("edition") or "STANDARD").lower()
    q = gcp_query(
        r,
        SERVICE,
        {"config": config, "edition": edition, "resourceGroup": "SpannerCompute"},
        family="ApplicationServices",
        unit="h",
        region=region,
    )
    yield monthly(f"Compute capacity ({config}, {edition})", "node-hours", units / 1000 * HOURS_PER_MONTH, q)
    q = gcp_query(
        r,
        SERVICE,
        {"config": config, "resourceGroup": "SpannerStorage"},
        family="ApplicationServices",
        unit="GiBy.mo",
        region=region,
    )
    yield usage_component("Storage", "GB", ctx.usage, "storage_gb", q)


PRICER = Pricer(type="google_spanner_instance", price=_price, usage_keys=USAGE, doc=__doc__ or "")
