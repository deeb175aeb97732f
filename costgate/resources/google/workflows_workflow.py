"""google_workflows_workflow: a Workflows workflow.

Prices:
    Internal steps and external steps (HTTP calls outside Google Cloud): per 1,000 steps executed (usage).
Usage keys:
    monthly_internal_steps: internal steps executed a month.
    monthly_external_steps: external (HTTP) steps executed a month.
Not priced / assumptions:
    The monthly free steps of a billing account are not applied. The shipped catalog has no
    Workflows rows: not priced until `catalog refresh`.
References:
    https://cloud.google.com/workflows/pricing
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.base import Pricer, PricingContext, UsageKey, usage_component
from costgate.resources.google._common import gcp_query

USAGE = (
    UsageKey("monthly_internal_steps", "float", "Internal steps executed a month"),
    UsageKey("monthly_external_steps", "float", "External (HTTP) steps executed a month"),
)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    for kind in ("internal", "external"):
        q = gcp_query(
            r,
            "Workflows",
            {"resourceGroup": f"{kind.capitalize()}Steps", "usageType": "OnDemand"},
            family="ApplicationServices",
            unit="count",
        )
        yield usage_component(f"{kind.capitalize()} steps", "1k steps", ctx.usage, f"monthly_{kind}_steps", q, per=1000)


PRICER = Pricer(type="google_workflows_workflow", price=_price, usage_keys=USAGE, doc=__doc__ or "")
