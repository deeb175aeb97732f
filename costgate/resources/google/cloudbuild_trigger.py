"""google_cloudbuild_trigger: a Cloud Build trigger (the builds it starts are billed).

Prices:
    Build minutes: per build-minute of the build's machine type (usage).
Usage keys:
    monthly_build_minutes: minutes the trigger's builds run a month.
Not priced / assumptions:
    The machine type is build.options.machine_type (E2_HIGHCPU_8 -> e2-highcpu-8), else the
    default e2-standard-2 pool. The first 2,500 build-minutes a billing account runs each month are
    free and not applied. Private worker pools are billed as their own VMs and not priced here.
    The shipped catalog has no Cloud Build rows: not priced until `catalog refresh`.
References:
    https://cloud.google.com/build/pricing
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.base import Pricer, PricingContext, UsageKey, usage_component
from costgate.resources.google._common import gcp_query
from costgate.resources.google._compute import first

USAGE = (UsageKey("monthly_build_minutes", "float", "Minutes the trigger's builds run a month"),)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    given = str(first(r.block("build"), "options").get("machine_type") or "UNSPECIFIED")
    machine = "e2-standard-2" if given.upper() == "UNSPECIFIED" else given.lower().replace("_", "-")
    q = gcp_query(
        r,
        "Cloud Build",
        {"machineType": machine, "resourceGroup": "BuildMinutes", "usageType": "OnDemand"},
        family="ApplicationServices",
        unit="min",
    )
    yield usage_component(f"Build minutes ({machine})", "minutes", ctx.usage, "monthly_build_minutes", q)


PRICER = Pricer(type="google_cloudbuild_trigger", price=_price, usage_keys=USAGE, doc=__doc__ or "")
