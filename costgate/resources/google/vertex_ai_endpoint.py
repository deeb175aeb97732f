"""google_vertex_ai_endpoint: a Vertex AI online prediction endpoint.

Prices:
    Prediction nodes: per node-hour of the machine type the deployed models run on (usage: the
    endpoint's configuration does not declare its models' machines).
Usage keys:
    machine_type: machine type of the prediction nodes (default n1-standard-2).
    monthly_node_hours: node-hours a month across the endpoint's deployed models.
Not priced / assumptions:
    The endpoint itself is not billed; models deployed to it are, per node-hour, from deployment
    until undeployed. Accelerators of the nodes and request logging are not priced. The shipped
    catalog has no Vertex AI rows, so nodes show as not priced until `catalog refresh`.
References:
    https://cloud.google.com/vertex-ai/pricing#prediction-prices
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.base import Pricer, PricingContext, UsageKey, usage_component
from costgate.resources.google._common import gcp_query

USAGE = (
    UsageKey("machine_type", "str", "Machine type of the prediction nodes", "n1-standard-2"),
    UsageKey("monthly_node_hours", "float", "Node-hours a month across deployed models"),
)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    machine = ctx.usage.text("machine_type") or "n1-standard-2"
    q = gcp_query(
        r,
        "Vertex AI",
        {"machineType": machine, "resourceGroup": "OnlinePrediction"},
        family="ApplicationServices",
        unit="h",
    )
    yield usage_component(f"Prediction nodes ({machine})", "node-hours", ctx.usage, "monthly_node_hours", q)


PRICER = Pricer(type="google_vertex_ai_endpoint", price=_price, usage_keys=USAGE, doc=__doc__ or "")
