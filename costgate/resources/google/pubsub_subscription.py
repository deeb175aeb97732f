"""google_pubsub_subscription: a Pub/Sub subscription.

Prices:
    Message delivery data: per TiB (usage: monthly_message_data_tb).
    Retained acknowledged message storage: per GiB (usage: storage_gb).
    Snapshot message backlog storage: per GiB (usage: snapshot_storage_gb).
Usage keys:
    monthly_message_data_tb: TB of messages delivered a month.
    storage_gb: GB of retained acknowledged messages stored.
    snapshot_storage_gb: GB of snapshot backlog stored.
Not priced / assumptions:
    BigQuery and Cloud Storage subscriptions bill their writes at the same throughput rate. The
    free tier is not applied.
References:
    https://cloud.google.com/pubsub/pricing
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.base import Pricer, PricingContext, UsageKey, usage_component
from costgate.resources.google._common import GLOBAL, gcp_query

SERVICE = "Cloud Pub/Sub"
USAGE = (
    UsageKey("monthly_message_data_tb", "float", "TB of messages delivered a month"),
    UsageKey("storage_gb", "float", "GB of retained acknowledged messages stored"),
    UsageKey("snapshot_storage_gb", "float", "GB of snapshot backlog stored"),
)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    yield usage_component(
        "Message delivery data",
        "TiB",
        ctx.usage,
        "monthly_message_data_tb",
        gcp_query(
            r, SERVICE, {"resourceGroup": "MessageDelivery"}, family="ApplicationServices", unit="TiBy", region=GLOBAL
        ),
    )
    yield usage_component(
        "Retained acknowledged message storage",
        "GiB",
        ctx.usage,
        "storage_gb",
        gcp_query(
            r,
            SERVICE,
            {"resourceGroup": "RetainedAckedMessageStorage"},
            family="ApplicationServices",
            unit="GiBy.mo",
            region=GLOBAL,
        ),
    )
    yield usage_component(
        "Snapshot message backlog storage",
        "GiB",
        ctx.usage,
        "snapshot_storage_gb",
        gcp_query(
            r,
            SERVICE,
            {"resourceGroup": "SnapshotMessageBacklog"},
            family="ApplicationServices",
            unit="GiBy.mo",
            region=GLOBAL,
        ),
    )


PRICER = Pricer(type="google_pubsub_subscription", price=_price, usage_keys=USAGE, doc=__doc__ or "")
